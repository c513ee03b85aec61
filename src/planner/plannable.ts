import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';

/** A root field's resolve info for the planner, when this request plans (Context.planner); else undefined. */
export function plannable(ctx: Pick<Context, 'planner'>, info: GraphQLResolveInfo): GraphQLResolveInfo | undefined {
  return ctx.planner ? info : undefined;
}
