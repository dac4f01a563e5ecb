import { randomUUID } from 'node:crypto';
import { recordWithId } from '../world/record-factory';
import type { World } from '../world/world';
import type { ServiceRecord } from '../world/world-types';

/** Appends a serviceLog record, the audit trail `rancher logs -s` reads. */
export function recordServiceLog(world: World, service: ServiceRecord, eventType: string, description: string, level: 'info' | 'error' = 'info'): void {
  const now = Date.now();
  world.addServiceLog(
    Object.assign(recordWithId(world.nextId('sl'), 'serviceLog', 'serviceLog', null, service.accountId, now), {
      type: 'serviceLog' as const,
    description,
    serviceId: service.id,
    instanceId: null,
    eventType,
    level,
    subLog: false,
    endTime: null,
    transactionId: randomUUID(),
    }),
  );
}
