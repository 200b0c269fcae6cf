import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Vendor groups: each library family in its own long-cached chunk, so that route chunks stay small. */
const VENDOR_GROUPS: { name: string; test: RegExp; priority: number }[] = [
  { name: "vendor-echarts", test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 30 },
  {
    name: "vendor-react",
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
    priority: 20,
  },
  {
    name: "vendor-antd",
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs|classnames|clsx|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|@babel[\\/]runtime)[\\/]/,
    priority: 10,
  },
];

export default defineConfig({
  root: "web",
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
