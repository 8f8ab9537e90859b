/** pgpass (node-postgres's own ~/.pgpass reader) ships no types: the one call haze makes. */
declare module 'pgpass' {
  interface ConnectionInfo {
    host?: string | undefined;
    port?: number | undefined;
    database?: string | undefined;
    user?: string | undefined;
  }
  function pgpass(info: ConnectionInfo, done: (password: string | undefined) => void): void;
  export default pgpass;
}
