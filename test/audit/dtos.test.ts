import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dtoModel, extractDtos } from '../../src/audit/code/dtos.js';
import { compareDtos } from '../../src/audit/dto-compare.js';
import { parseSchema } from '../../src/schema/parse.js';

const schema = parseSchema({
  path: 'schema.prisma',
  text: `
model User {
  id          String   @id @default(uuid())
  email       String
  phoneNumber String?
  isActive    Boolean  @default(true)
  role        Role
  age         Int?
  orgId       String
  org         Org      @relation(fields: [orgId], references: [id])
  createdAt   DateTime @default(now())
}
model Org {
  id    String @id
  users User[]
}
enum Role {
  ADMIN
  MEMBER
}
`,
});
const models = new Set(schema.models.map((m) => m.name));
const findings = (code: string) => compareDtos(schema, extractDtos('dto.ts', code, models)).map((f) => `${f.kind} ${f.field}`);

test('DTO names: a model name with a DTO affix', () => {
  assert.deepEqual(dtoModel('CreateUserDto', models), { model: 'User', create: true, update: false });
  assert.deepEqual(dtoModel('UserUpdateInput', models), { model: 'User', create: false, update: true });
  assert.deepEqual(dtoModel('createUserSchema', models), { model: 'User', create: true, update: false });
  assert.deepEqual(dtoModel('UserDto', models), { model: 'User', create: false, update: false });
  // A bare model name, props and options types are not DTOs.
  for (const name of ['User', 'UserCardProps', 'FindUserOptions', 'UserRow', 'CreateUserOptions']) assert.equal(dtoModel(name, models), undefined, name);
});

const found: [string, string, string[]][] = [
  [
    'class-validator class: near miss, optional-but-required, extra',
    `class CreateUserDto { @IsOptional() email?: string; phone?: string; nickname: string; role: Role }`,
    ['dto-incomplete email', 'dto-mismatch phone', 'dto-extra nickname'],
  ],
  [
    'interface: type disagreement, list disagreement',
    `export interface UserDto { email: string; age: string; role: Role[] }`,
    ['dto-mismatch age', 'dto-mismatch role'],
  ],
  [
    'zod schema: near miss and enum as number',
    `export const createUserSchema = z.object({ email: z.string().email(), active: z.boolean().optional(), role: z.number() })`,
    ['dto-mismatch active', 'dto-mismatch role'],
  ],
  [
    'valibot and yup',
    `const userSchema = v.object({ mail: v.string() }); const updateUserSchema = yup.object({ email: yup.number().required() })`,
    ['dto-extra mail', 'dto-mismatch email'],
  ],
  ['create input omitting a required field', `type CreateUserInput = { role: Role }`, ['dto-incomplete email']],
];
for (const [name, code, expected] of found) test(`DTO, found: ${name}`, () => assert.deepEqual(findings(code), expected));

const notFound: [string, string][] = [
  [
    'a matching create DTO (FK, defaults and @updatedAt may be omitted)',
    `class CreateUserDto { email: string; phoneNumber?: string; role: Role; age?: number }`,
  ],
  ['update DTOs may make everything optional', `class UpdateUserDto { email?: string; role?: Role }`],
  ['ISO strings for dates, strings for enums', `interface UserDto { createdAt: string; role: string }`],
  [
    'types built from the model are left to TypeScript',
    `type UserCardProps = Pick<User, 'email'> & { onClick: () => void }; type UserView = Omit<User, 'id'> & { extra: 1 }`,
  ],
  ['a bare model-named interface is a view, not an input', `interface User { id: string; permissions: string[] }`],
  ['not a model', `class CreateWidgetDto { anything: string }`],
];
for (const [name, code] of notFound) test(`DTO, not found: ${name}`, () => assert.deepEqual(findings(code), []));
