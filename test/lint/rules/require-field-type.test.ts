import { ruleTester } from '../rule-tester.js';

const options = {
  require: [
    { ifName: 'id', type: 'String', nativeType: 'Uuid' },
    { ifName: '/At$/', type: 'DateTime' },
  ],
};

ruleTester('require-field-type', {
  valid: [{ code: 'model A {\n  id        String   @id @db.Uuid\n  createdAt DateTime\n}\n', options }],
  invalid: [
    {
      code: 'model A {\n  id        Int    @id\n  createdAt String\n}\n',
      options,
      errors: [
        {
          line: 5,
          messageId: 'mismatch',
          field: 'id',
          message: 'Field type "Int" does not match expected type "String".\nField native type is not specified, but expected native type "Uuid".',
        },
        { line: 6, messageId: 'mismatch', field: 'createdAt', message: 'Field type "String" does not match expected type "DateTime".' },
      ],
    },
  ],
});
