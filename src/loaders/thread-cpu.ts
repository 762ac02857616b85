/** This thread's CPU time so far, in seconds (the ingest's threads report theirs for the build's log). */
export function threadCpuSeconds(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1e6;
}
