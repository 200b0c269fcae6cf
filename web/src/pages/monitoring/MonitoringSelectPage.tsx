export default function MonitoringSelectPage() {
  return null;
}
