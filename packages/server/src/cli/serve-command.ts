/** `xinyu serve`: HTTP API + timer poller (filled in with the HTTP layer). */
export async function serveCommand(_args: readonly string[]): Promise<number> {
  process.stderr.write('xinyu serve: not available yet\n');
  return 1;
}
