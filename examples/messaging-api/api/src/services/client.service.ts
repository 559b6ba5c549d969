import { prisma as defaultPrisma, type Db } from '../db.js';
import { ContactChannel, type Prisma } from '../generated/prisma/client.js';

export interface ClientInput {
  name: string;
  email?: string;
  phone?: string;
  externalRef?: string;
  tags?: string[];
  contactChannels?: ContactChannel[];
  notes?: string;
}

export class ClientService {
  constructor(private readonly prisma: Db = defaultPrisma) {}

  async create(profileId: string, input: ClientInput) {
    return this.prisma.client.create({
      data: {
        profile: { connect: { id: profileId } },
        name: input.name,
        email: input.email,
        phone: input.phone,
        externalRef: input.externalRef,
        tags: input.tags ?? [],
        contactChannels: input.contactChannels ?? [ContactChannel.EMAIL],
        notes: input.notes,
      },
    });
  }

  async update(id: string, input: Partial<ClientInput>) {
    return this.prisma.client.update({
      where: { id },
      data: {
        name: input.name,
        email: input.email,
        phone: input.phone,
        notes: input.notes,
        ...(input.tags ? { tags: { set: input.tags } } : {}),
      },
    });
  }

  /** Case-insensitive search on name / e-mail, optionally narrowed to clients carrying a tag. */
  async search(profileId: string, query: string, tag?: string) {
    const where: Prisma.ClientWhereInput = {
      profileId,
      OR: [
        { name: { contains: query, mode: 'insensitive' } },
        { email: { contains: query, mode: 'insensitive' } },
      ],
    };
    if (tag) where.tags = { has: tag };

    return this.prisma.client.findMany({
      where,
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        tags: true,
        _count: { select: { timelines: true, conversations: true } },
      },
      orderBy: { name: 'asc' },
      take: 50,
    });
  }

  async reachableBy(profileId: string, channels: ContactChannel[]) {
    return this.prisma.client.findMany({
      where: { profileId, contactChannels: { hasSome: channels } },
      select: { id: true, name: true, email: true, phone: true, contactChannels: true },
    });
  }

  async addTag(id: string, tag: string) {
    return this.prisma.client.update({
      where: { id },
      data: { tags: { push: tag } },
      select: { id: true, tags: true },
    });
  }

  async findByExternalRef(externalRef: string) {
    return this.prisma.client.findUnique({ where: { externalRef } });
  }

  /** CRM import: one round-trip, rows whose externalRef already exists are skipped. */
  async importFromCrm(profileId: string, rows: Array<ClientInput & { externalRef: string }>) {
    const { count } = await this.prisma.client.createMany({
      data: rows.map((r) => ({
        profileId,
        name: r.name,
        email: r.email,
        phoneNumber: r.phone,
        externalRef: r.externalRef,
        tags: r.tags ?? [],
      })),
      skipDuplicates: true,
    });
    return { imported: count, skipped: rows.length - count };
  }

  async withActivity(profileId: string) {
    return this.prisma.client.findMany({
      where: {
        profileId,
        conversations: { some: { messages: { some: {} } } },
      },
      include: {
        timelines: { select: { id: true, title: true, viewCount: true } },
      },
    });
  }

  async remove(id: string) {
    await this.prisma.client.delete({ where: { id } });
  }
}

export const clientService = new ClientService();
