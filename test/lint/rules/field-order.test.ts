import { ruleTester } from '../rule-tester.js';

const order = { order: ['id', '...', 'createdAt'] };

ruleTester('field-order', {
  valid: [{ code: 'model A {\n  id        Int @id\n  name      String\n  createdAt DateTime\n}\n', options: order }],
  invalid: [
    {
      code: 'model A {\n  name      String\n  id        Int @id\n  createdAt DateTime\n}\n',
      options: order,
      errors: [{ line: 4, messageId: 'order', message: 'Fields are not in the expected order: "id", "...", "createdAt".' }],
    },
  ],
});
