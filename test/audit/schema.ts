import { parseSchema } from '../../src/schema/parse.js';

/** A small messaging schema shared by the audit tests. */
export const MESSAGING_SCHEMA = parseSchema({
  path: 'schema.prisma',
  text: `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum SenderType {
  USER
  CLIENT
}

model Conversation {
  id           String                    @id
  title        String?
  tags         String[]
  createdAt    DateTime                  @default(now()) @map("created_at")
  participants ConversationParticipant[]
  messages     Message[]
}

model ConversationParticipant {
  id             String       @id
  conversationId String       @map("conversation_id")
  userId         String       @map("user_id")
  last_read_at   DateTime?
  conversation   Conversation @relation(fields: [conversationId], references: [id])

  @@unique([conversationId, userId])
}

model Message {
  id             String       @id
  conversationId String
  senderType     SenderType
  content        String
  phoneNumber    String?
  metadata       Json?
  conversation   Conversation @relation(fields: [conversationId], references: [id])
}
`,
});
