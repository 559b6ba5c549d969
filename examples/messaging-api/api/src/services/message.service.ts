import { prisma as defaultPrisma, type Db } from '../db.js';
import { MessageType, SenderType, UsageMetric, type Prisma } from '../generated/prisma/client.js';

export interface SendMessageInput {
  conversationId: string;
  senderId: string;
  senderType: SenderType;
  content: string;
  messageType?: MessageType;
  metadata?: Prisma.InputJsonValue;
}

export class MessageService {
  constructor(private readonly prisma: Db = defaultPrisma) {}

  async send(input: SendMessageInput) {
    const participant = await this.prisma.conversationParticipant.findUnique({
      where: {
        conversationId_userId: { conversationId: input.conversationId, userId: input.senderId },
      },
      select: { id: true, conversation: { select: { createdById: true, clientId: true } } },
    });
    if (!participant && input.senderType !== SenderType.SYSTEM) {
      throw new Error('Sender is not a participant of this conversation');
    }

    const message = await this.prisma.$transaction(async (tx) => {
      const created = await tx.message.create({
        data: {
          conversationId: input.conversationId,
          senderId: input.senderId,
          senderType: input.senderType,
          messageType: input.messageType ?? MessageType.TEXT,
          content: input.content,
          metadata: input.metadata,
        },
      });

      // Touch the conversation so the inbox ordering (updatedAt) moves it to the top.
      await tx.conversation.update({
        where: { id: input.conversationId },
        data: { updatedAt: created.createdAt },
      });

      if (input.senderType === SenderType.USER) {
        await tx.conversationParticipant.update({
          where: {
            conversationId_userId: { conversationId: input.conversationId, userId: input.senderId },
          },
          data: { lastReadAt: created.createdAt },
        });

        await tx.usageEvent.create({
          data: {
            profileId: input.senderId,
            clientId: participant?.conversation.clientId ?? null,
            metric: UsageMetric.MESSAGE_SENT,
            quantity: 1n,
            metadata: { messageId: created.id },
          },
        });
      }

      return created;
    });

    await this.notifyParticipants(input.conversationId, input.senderId, message.id);
    return message;
  }

  async list(conversationId: string, options: { before?: Date; take?: number } = {}) {
    return this.prisma.message.findMany({
      where: {
        conversationId,
        ...(options.before ? { createdAt: { lt: options.before } } : {}),
      },
      orderBy: { createdAt: 'desc' },
      take: options.take ?? 50,
      include: {
        reads: { select: { userId: true, readAt: true } },
      },
    });
  }

  async search(conversationId: string, query: string) {
    return this.prisma.message.findMany({
      where: {
        conversationId,
        messageType: { in: [MessageType.TEXT, MessageType.SYSTEM] },
        content: { contains: query, mode: 'insensitive' },
      },
      select: { id: true, content: true, senderId: true, senderType: true, createdAt: true },
      orderBy: { createdAt: 'desc' },
      take: 25,
    });
  }

  /** Marks every message of a conversation as read by `userId`. */
  async markConversationRead(conversationId: string, userId: string) {
    const unread = await this.prisma.message.findMany({
      where: {
        conversationId,
        senderId: { not: userId },
        reads: { none: { userId } },
      },
      select: { id: true },
    });

    const now = new Date();
    await this.prisma.$transaction([
      this.prisma.messageRead.createMany({
        data: unread.map((m) => ({ messageId: m.id, userId, readAt: now })),
        skipDuplicates: true,
      }),
      this.prisma.conversationParticipant.update({
        where: { conversationId_userId: { conversationId, userId } },
        data: { lastReadAt: now },
      }),
    ]);

    return { marked: unread.length };
  }

  async readReceipts(messageId: string) {
    return this.prisma.messageRead.findMany({
      where: { messageId },
      select: {
        userId: true,
        readAt: true,
        user: { select: { fullName: true, avatarUrl: true } },
      },
      orderBy: { readAt: 'asc' },
    });
  }

  async deleteMessage(id: string, senderId: string) {
    const { count } = await this.prisma.message.deleteMany({ where: { id, senderId } });
    if (count === 0) throw new Error(`Message ${id} not found`);
  }

  private async notifyParticipants(conversationId: string, senderId: string, messageId: string) {
    const recipients = await this.prisma.conversationParticipant.findMany({
      where: { conversationId, userId: { not: senderId } },
      select: { userId: true },
    });

    for (const { userId } of recipients) {
      await this.prisma.notification.create({
        data: {
          userId,
          kind: 'NEW_MESSAGE',
          payload: { conversationId, messageId },
        },
      });
    }
  }
}

export const messageService = new MessageService();
