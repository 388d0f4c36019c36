// graphql-depth-limit ships no types (and @types/graphql-depth-limit pins graphql@14).
declare module "graphql-depth-limit" {
  import type { ValidationContext, ASTVisitor } from "graphql";

  export interface DepthLimitOptions {
    ignore?: Array<string | RegExp | ((fieldName: string) => boolean)>;
  }

  export default function depthLimit(
    maxDepth: number,
    options?: DepthLimitOptions,
    callback?: (depths: Record<string, number>) => void,
  ): (context: ValidationContext) => ASTVisitor;
}
