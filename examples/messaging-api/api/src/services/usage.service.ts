import { prisma as defaultPrisma, type Db } from '../db.js';
import { UsageMetric, type Prisma } from '../generated/prisma/client.js';

export interface RecordUsageInput {
  profileId: string;
  clientId?: string;
  metric: UsageMetric;
  quantity?: bigint;
  metadata?: Prisma.InputJsonValue;
  occurredAt?: Date;
}

function monthWindow(at: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { start, end };
}

export class UsageService {
  constructor(private readonly prisma: Db = defaultPrisma) {}

  async record(input: RecordUsageInput) {
    return this.prisma.usageEvent.create({
      data: {
        profileId: input.profileId,
        clientId: input.clientId,
        metric: input.metric,
        quantity: input.quantity ?? 1n,
        metadata: input.metadata,
        occurredAt: input.occurredAt,
      },
      select: { id: true, metric: true, quantity: true, occurredAt: true },
    });
  }

  /** Bulk ingestion from the job queue; retried batches must not double count. */
  async recordBatch(events: RecordUsageInput[]) {
    const { count } = await this.prisma.usageEvent.createMany({
      data: events.map((e) => ({
        profileId: e.profileId,
        clientId: e.clientId ?? null,
        metric: e.metric,
        quantity: e.quantity ?? 1n,
        metadata: e.metadata,
        occurredAt: e.occurredAt ?? new Date(),
      })),
      skipDuplicates: true,
    });
    return count;
  }

  async monthlyTotal(profileId: string, at: Date = new Date()) {
    const { start, end } = monthWindow(at);
    const result = await this.prisma.usageEvent.aggregate({
      where: { profileId, occurredAt: { gte: start, lt: end } },
      _sum: { quantity: true },
      _count: { _all: true },
    });
    return { units: result._sum.quantity ?? 0n, events: result._count._all };
  }

  async breakdownByMetric(profileId: string, at: Date = new Date()) {
    const { start, end } = monthWindow(at);
    return this.prisma.usageEvent.groupBy({
      by: ['metric'],
      where: { profileId, occurredAt: { gte: start, lt: end } },
      _sum: { quantity: true },
      orderBy: { metric: 'asc' },
    });
  }

  async breakdownByClient(profileId: string) {
    return this.prisma.usageEvent.groupBy({
      by: ['clientId', 'metric'],
      where: { profileId, clientId: { not: null } },
      _sum: { quantity: true },
      _max: { occurredAt: true },
    });
  }

  /** Events that mention a message (metadata is a JSON object). */
  async forMessage(messageId: string) {
    return this.prisma.usageEvent.findMany({
      where: { metadata: { path: ['messageId'], equals: messageId } },
      select: { id: true, metric: true, occurredAt: true },
    });
  }

  async recent(profileId: string, take = 100) {
    return this.prisma.usageEvent.findMany({
      where: { profileId },
      include: { client: { select: { id: true, name: true } } },
      orderBy: { occurredAt: 'desc' },
      take,
    });
  }

  async purgeBefore(cutoff: Date) {
    return this.prisma.usageEvent.deleteMany({
      where: { occurredAt: { lt: cutoff }, metric: { not: UsageMetric.STORAGE_MB } },
    });
  }
}

export const usageService = new UsageService();
