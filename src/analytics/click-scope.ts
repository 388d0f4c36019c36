/**
 * Which clicks an aggregate reads: some links (one group per link) or every link of a workspace
 * (one group, keyed by the workspace id). Raw clicks carry no workspace, so they join Link; the
 * hourly rollups carry it.
 */
export type ClickScope = { linkIds: readonly string[] } | { workspaceId: string };

export interface ScopeSql {
  /** The group key of a row, as text. */
  key: string;
  /** FROM clause; the table is aliased `c`. */
  from: string;
  /** Condition on $1, which is `param`. */
  where: string;
  param: string | string[];
  /** The groups every result has, empty or not. */
  keys: string[];
}

export function scopeSql(scope: ClickScope, table: "Click" | "ClickRollup"): ScopeSql {
  if ("linkIds" in scope) {
    return {
      key: `c."linkId"::text`,
      from: `"${table}" c`,
      where: `c."linkId" = ANY($1::uuid[])`,
      param: [...scope.linkIds],
      keys: [...scope.linkIds],
    };
  }
  const keys = [scope.workspaceId];
  if (table === "ClickRollup")
    return { key: `c."workspaceId"::text`, from: `"ClickRollup" c`, where: `c."workspaceId" = $1::uuid`, param: scope.workspaceId, keys };
  return {
    key: `l."workspaceId"::text`,
    from: `"Click" c JOIN "Link" l ON l.id = c."linkId"`,
    where: `l."workspaceId" = $1::uuid`,
    param: scope.workspaceId,
    keys,
  };
}
