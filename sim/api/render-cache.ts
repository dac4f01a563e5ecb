import type { World } from '../world/world';
import type { AnyRecord } from '../world/world-types';
import { render } from './render';
import type { RequestContext } from './request-context';

/**
 * The JSON of recently rendered resources, so that clients polling the same page (the portal, the
 * CLI's waits) cost a string concatenation instead of a render. Every change goes through
 * World.changed, which drops the record's entry; the cache keeps at most `max` entries, oldest out.
 */
export class RenderCache {
  private readonly entries = new Map<AnyRecord, { key: string; json: string }>();

  constructor(
    world: World,
    private readonly max = 1000,
  ) {
    world.onChange((record) => this.entries.delete(record));
  }

  json(ctx: RequestContext, record: AnyRecord): string {
    const key = `${ctx.base} ${ctx.projectId ?? ''}${ctx.actionLinks ? ' actionLinks' : ''}`;
    const hit = this.entries.get(record);
    if (hit?.key === key) return hit.json;
    const json = JSON.stringify(render(ctx, record));
    this.entries.delete(record);
    this.entries.set(record, { key, json });
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return json;
  }
}
