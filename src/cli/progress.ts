import cliProgress from "cli-progress";

/** A progress bar on a terminal, plain lines otherwise (CI logs, pipes). */
export function progress(label: string, enabled = process.stdout.isTTY) {
  if (!enabled) {
    let last = -1;
    return {
      update(share: number, phase: string) {
        const pct = Math.floor(share * 100);
        if (pct !== last) console.log(`${label}: ${phase} ${pct}%`);
        last = pct;
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {phase}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { phase: "" });
  return {
    update(share: number, phase: string) {
      bar.update(Math.round(share * 100), { phase });
    },
    stop() {
      bar.stop();
    },
  };
}
