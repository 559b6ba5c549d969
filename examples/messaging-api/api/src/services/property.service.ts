import { prisma as defaultPrisma, type Db } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';

export interface PropertyFilter {
  city?: string;
  minBedrooms?: number;
  maxPrice?: string;
  amenity?: string;
  allAmenities?: string[];
}

export class PropertyService {
  constructor(private readonly prisma: Db = defaultPrisma) {}

  async list(timelineId: string, filter: PropertyFilter = {}) {
    const where: Prisma.PropertyWhereInput = { timelineId };
    if (filter.city) where.city = { equals: filter.city, mode: 'insensitive' };
    if (filter.minBedrooms !== undefined) where.bedrooms = { gte: filter.minBedrooms };
    if (filter.maxPrice) where.price = { lte: new Prisma.Decimal(filter.maxPrice) };
    if (filter.amenity) where.amenities = { has: filter.amenity };
    if (filter.allAmenities?.length) where.amenities = { hasEvery: filter.allAmenities };

    return this.prisma.property.findMany({
      where,
      orderBy: [{ price: 'asc' }, { createdAt: 'asc' }],
    });
  }

  /** Called from the shared timeline page when the client opens a property. */
  async markViewed(id: string) {
    return this.prisma.property.update({
      where: { id },
      data: { viewedAt: new Date() },
      select: { id: true, viewedAt: true },
    });
  }

  async unviewed(timelineId: string) {
    return this.prisma.property.findMany({
      where: { timelineId, viewedAt: null },
      select: { id: true, address: true, city: true },
    });
  }

  async priceStats(timelineId: string) {
    return this.prisma.property.aggregate({
      where: { timelineId, price: { not: null } },
      _avg: { price: true },
      _min: { price: true },
      _max: { price: true },
      _count: { _all: true },
    });
  }

  async countByCity(profileId: string) {
    return this.prisma.property.groupBy({
      by: ['city'],
      where: { timeline: { profileId } },
      _count: { _all: true },
      orderBy: { _count: { city: 'desc' } },
    });
  }

  async update(id: string, data: { price?: string; bedrooms?: number; amenities?: string[]; listingUrl?: string }) {
    return this.prisma.property.update({
      where: { id },
      data: {
        price: data.price,
        bedrooms: data.bedrooms,
        listingUrl: data.listingUrl,
        ...(data.amenities ? { amenities: { set: data.amenities } } : {}),
      },
    });
  }

  async remove(id: string) {
    await this.prisma.property.delete({ where: { id } });
  }
}

export const propertyService = new PropertyService();
