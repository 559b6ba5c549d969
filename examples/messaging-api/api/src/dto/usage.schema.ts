import { z } from 'zod';

/** The job queue's usage message, validated before `usage.service.ts` records it. */
export const createUsageEventSchema = z.object({
  profileId: z.string().uuid(),
  clientId: z.string().uuid().optional(),
  // Legacy numeric metric codes from the old billing worker.
  metric: z.number().int(),
  quantity: z.number().int().positive().optional(),
  occurredAt: z.coerce.date().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export type CreateUsageEvent = z.infer<typeof createUsageEventSchema>;
