declare module "virtual:persisted-operations" {
  /** Operation name → persisted document id (`sha256:<hex>`). */
  const ids: Record<string, string>;
  export default ids;
}
