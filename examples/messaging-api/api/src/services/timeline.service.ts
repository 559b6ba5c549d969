import { prisma as defaultPrisma, type Db } from '../db.js';
import { UsageMetric } from '../generated/prisma/client.js';

export interface NewProperty {
  address: string;
  city: string;
  price?: string;
  bedrooms?: number;
  amenities?: string[];
  listingUrl?: string;
}

export class TimelineService {
  constructor(private readonly prisma: Db = defaultPrisma) {}

  async create(profileId: string, clientId: string, title: string, properties: NewProperty[] = []) {
    return this.prisma.timeline.create({
      data: {
        title,
        profile: { connect: { id: profileId } },
        client: { connect: { id: clientId } },
        properties: {
          create: properties.map((p) => ({
            address: p.address,
            city: p.city,
            price: p.price,
            bedrooms: p.bedrooms,
            amenities: p.amenities ?? [],
            listingUrl: p.listingUrl,
          })),
        },
      },
      include: { properties: true },
    });
  }

  async listForClient(clientId: string) {
    return this.prisma.timeline.findMany({
      where: { clientId },
      select: {
        id: true,
        title: true,
        description: true,
        viewCount: true,
        updatedAt: true,
        _count: { select: { properties: true } },
      },
      orderBy: { updatedAt: 'desc' },
    });
  }

  /** Public page: count the visit and return the shortlist. */
  async openShared(id: string) {
    return this.prisma.timeline.update({
      where: { id },
      data: { viewCount: { increment: 1 } },
      include: {
        client: { select: { name: true } },
        properties: { orderBy: { createdAt: 'asc' } },
      },
    });
  }

  async share(id: string) {
    const timeline = await this.prisma.timeline.findUniqueOrThrow({
      where: { id },
      select: { id: true, profileId: true, clientId: true },
    });

    await this.prisma.usageEvent.create({
      data: {
        profileId: timeline.profileId,
        clientId: timeline.clientId,
        metric: UsageMetric.TIMELINE_SHARED,
        metadata: { timelineId: timeline.id },
      },
    });

    return timeline;
  }

  async addProperties(id: string, properties: NewProperty[]) {
    return this.prisma.timeline.update({
      where: { id },
      data: {
        properties: {
          createMany: {
            data: properties.map((p) => ({ address: p.address, city: p.city, amenities: p.amenities ?? [] })),
          },
        },
      },
      include: { _count: { select: { properties: true } } },
    });
  }

  /** Timelines the client has not opened since a property was added. */
  async stale(profileId: string) {
    return this.prisma.timeline.findMany({
      where: {
        profileId,
        properties: { some: { viewedAt: null } },
      },
      select: { id: true, title: true, clientId: true },
    });
  }

  async remove(id: string) {
    await this.prisma.timeline.delete({ where: { id } });
  }
}

export const timelineService = new TimelineService();
