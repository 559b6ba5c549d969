import { prisma as defaultPrisma, type Db } from '../db.js';

export class ParticipantService {
  constructor(private readonly prisma: Db = defaultPrisma) {}

  async list(conversationId: string) {
    return this.prisma.conversationParticipant.findMany({
      where: { conversationId, isActive: true },
      select: {
        userId: true,
        joinedAt: true,
        lastReadAt: true,
        user: { select: { id: true, fullName: true, avatarUrl: true } },
      },
      orderBy: { joinedAt: 'asc' },
    });
  }

  /** Adds people to a conversation; people already in it are left alone. */
  async add(conversationId: string, userIds: string[]) {
    const result = await this.prisma.conversationParticipant.createMany({
      data: userIds.map((userId) => ({ conversationId, userId })),
      skipDuplicates: true,
    });
    return { added: result.count };
  }

  /** Re-joining a conversation you left re-activates the existing row. */
  async join(conversationId: string, userId: string) {
    return this.prisma.conversationParticipant.upsert({
      where: { conversationId_userId: { conversationId, userId } },
      create: { conversationId, userId },
      update: { isActive: true },
    });
  }

  /** Leaving keeps the row (old messages still resolve to a name) but hides the conversation. */
  async leave(conversationId: string, userId: string) {
    return this.prisma.conversationParticipant.update({
      where: { conversationId_userId: { conversationId, userId } },
      data: { isActive: false },
    });
  }

  async markRead(conversationId: string, userId: string, at: Date = new Date()) {
    return this.prisma.conversationParticipant.update({
      where: { conversationId_userId: { conversationId, userId } },
      data: { lastReadAt: at },
      select: { conversationId: true, userId: true, lastReadAt: true },
    });
  }

  /** Unread count per conversation for the inbox badge. */
  async unreadCounts(userId: string) {
    const memberships = await this.prisma.conversationParticipant.findMany({
      where: { userId, isActive: true },
      select: { conversationId: true, lastReadAt: true },
    });

    const counts = await Promise.all(
      memberships.map(async (m) => {
        const unread = await this.prisma.message.count({
          where: {
            conversationId: m.conversationId,
            senderId: { not: userId },
            ...(m.lastReadAt ? { createdAt: { gt: m.lastReadAt } } : {}),
          },
        });
        return [m.conversationId, unread] as const;
      }),
    );
    return Object.fromEntries(counts);
  }

  async isMember(conversationId: string, userId: string): Promise<boolean> {
    const row = await this.prisma.conversationParticipant.findUnique({
      where: { conversationId_userId: { conversationId, userId } },
      select: { id: true },
    });
    return row !== null;
  }

  async remove(conversationId: string, userId: string) {
    await this.prisma.conversationParticipant.delete({
      where: { conversationId_userId: { conversationId, userId } },
    });
  }
}

export const participantService = new ParticipantService();
