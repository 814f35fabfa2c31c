/** Accounts (quản trị only), limited to accounts whose units lie in the administrator's scope. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getUser, listUsers } from '../../store/users.ts';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { IdParam, RoleSchema, UserViewSchema } from '../schemas.ts';
import { changeUser, createUser, userView } from '../services/accounts.ts';

const password = z.string().min(8, 'Mật khẩu cần ít nhất 8 ký tự').max(200);
const displayName = z.string().trim().min(1).max(200).transform((s) => s.normalize('NFC'));
const unitIds = z.array(IdParam).min(1, 'Cần ít nhất một đơn vị').max(100);
const locale = z.enum(['vi', 'en']).nullable();

const CreateBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, 'Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch'),
  displayName,
  password,
  role: RoleSchema,
  unitIds,
  locale: locale.default(null),
  active: z.boolean().default(true),
});
const UpdateBody = z.object({ displayName, password, role: RoleSchema, unitIds, locale, active: z.boolean() }).partial();

export const userRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  app.get(
    '/api/users',
    { config: { access: 'users.manage' }, schema: { tags: ['users'], summary: 'Tài khoản', response: { 200: z.object({ users: z.array(UserViewSchema) }) } } },
    async (req) => {
      const scope = await authOf(req).scope();
      return { users: (await listUsers(deps.db)).filter((u) => u.unitIds.every((id) => scope.has(id))).map(userView) };
    },
  );

  app.post(
    '/api/users',
    { config: { access: 'users.manage' }, schema: { tags: ['users'], summary: 'Thêm tài khoản', body: CreateBody, response: { 201: z.object({ user: UserViewSchema }) } } },
    async (req, reply) => {
      const auth = authOf(req);
      (await auth.scope()).require(...req.body.unitIds);
      const user = await createUser(deps.db, auth, req.body, { now: deps.now(), scrypt: deps.scrypt });
      return reply.code(201).send({ user: userView(user) });
    },
  );

  app.put(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['users'], summary: 'Sửa tài khoản (đổi mật khẩu, khóa, vai trò, đơn vị)', params: z.object({ id: IdParam }), body: UpdateBody, response: { 200: z.object({ user: UserViewSchema }) } },
    },
    async (req) => {
      const auth = authOf(req);
      const scope = await auth.scope();
      const target = await getUser(deps.db, req.params.id);
      if (!target) throw new ApiError('not_found', { vi: 'Không có tài khoản này', en: 'No such account' });
      scope.require(...target.unitIds, ...(req.body.unitIds ?? []));
      return { user: userView(await changeUser(deps.db, auth, req.params.id, req.body, { now: deps.now(), scrypt: deps.scrypt })) };
    },
  );
};
