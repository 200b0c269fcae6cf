export default function MonitoringKeyPage() {
  return null;
}
