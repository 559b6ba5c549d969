import { prisma as defaultPrisma, type Db } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';

export interface CreateConversationInput {
  createdById: string;
  title?: string;
  description?: string;
  clientId?: string;
  participantIds: string[];
}

export interface ListConversationsOptions {
  search?: string;
  clientId?: string;
  take?: number;
  cursor?: string;
}

export class ConversationService {
  constructor(private readonly prisma: Db = defaultPrisma) {}

  /** Opens a conversation; the creator always joins it. */
  async create(input: CreateConversationInput) {
    const memberIds = Array.from(new Set([input.createdById, ...input.participantIds]));

    return this.prisma.conversation.create({
      data: {
        title: input.title,
        description: input.description,
        createdBy: { connect: { id: input.createdById } },
        client: input.clientId ? { connect: { id: input.clientId } } : undefined,
        participants: {
          create: memberIds.map((userId) => ({ userId })),
        },
      },
      include: {
        participants: { select: { userId: true, joinedAt: true } },
      },
    });
  }

  /** Inbox: conversations the user takes part in, newest activity first. */
  async listForUser(userId: string, options: ListConversationsOptions = {}) {
    const where: Prisma.ConversationWhereInput = {
      participants: { some: { userId, isActive: true } },
    };
    if (options.clientId) where.clientId = options.clientId;
    if (options.search) {
      where.OR = [
        { title: { contains: options.search, mode: 'insensitive' } },
        { description: { contains: options.search, mode: 'insensitive' } },
      ];
    }

    return this.prisma.conversation.findMany({
      where,
      include: {
        client: { select: { id: true, name: true } },
        participants: {
          include: { user: { select: { id: true, fullName: true, avatarUrl: true } } },
        },
        messages: {
          orderBy: { createdAt: 'desc' },
          take: 1,
          select: { id: true, content: true, senderType: true, createdAt: true },
        },
        _count: { select: { messages: true } },
      },
      orderBy: { updatedAt: 'desc' },
      take: options.take ?? 20,
      ...(options.cursor ? { skip: 1, cursor: { id: options.cursor } } : {}),
    });
  }

  async getById(id: string, userId: string) {
    const conversation = await this.prisma.conversation.findFirst({
      where: { id, participants: { some: { userId } } },
      select: {
        id: true,
        title: true,
        description: true,
        clientId: true,
        createdById: true,
        createdAt: true,
        participants: { select: { userId: true, joinedAt: true } },
      },
    });
    if (!conversation) throw new Error(`Conversation ${id} not found`);
    return conversation;
  }

  async rename(id: string, title: string, description?: string) {
    return this.prisma.conversation.update({
      where: { id },
      data: { title, description },
    });
  }

  /** Conversations in which every remaining participant has left. */
  async findAbandoned() {
    return this.prisma.conversation.findMany({
      where: {
        participants: { every: { isActive: false } },
      },
      select: { id: true, title: true, updatedAt: true },
    });
  }

  /** Conversations with no message at all, older than a day: candidates for cleanup. */
  async findEmpty(olderThan: Date) {
    return this.prisma.conversation.findMany({
      where: {
        messages: { none: {} },
        createdAt: { lt: olderThan },
      },
      select: { id: true },
    });
  }

  async delete(id: string) {
    // Message, MessageRead and ConversationParticipant rows cascade.
    await this.prisma.conversation.delete({ where: { id } });
  }

  async countByClient(profileId: string) {
    return this.prisma.conversation.groupBy({
      by: ['clientId'],
      where: { createdById: profileId, clientId: { not: null } },
      _count: { _all: true },
    });
  }
}

export const conversationService = new ConversationService();
