import { App, Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, ROLE_SCOPES, type Role, type RoleGrant, type ScopeType } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import type { User } from '../../auth/api/auth.api';
import { useUserMutations } from '../hooks/useUsers';
import { ScopeSelect } from './ScopeSelect';

interface UserValues {
  username: string;
  displayName: string;
  password: string;
  email?: string;
  phone?: string;
  locale: 'zh-CN' | 'en';
  grants: { role?: Role; scopeType?: ScopeType; scopeId?: string | null }[];
}

/** Operator of all parks (超级运营): may do everything everywhere, so granting it is confirmed. */
const isAllParksOperator = (g: { role?: Role; scopeType?: ScopeType }) => g.role === 'operator' && g.scopeType === 'all';

interface UserFormModalProps {
  open: boolean;
  onClose: () => void;
  /** The user to edit (name and role grants); without it the modal creates a user. */
  user?: User | null;
}

/** Creates a user with one or more role grants, or edits an existing user's name and grants. */
export function UserFormModal({ open, onClose, user }: UserFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserValues>();
  const { create, update } = useUserMutations();
  const grants = Form.useWatch('grants', form) ?? [];
  const isEditing = !!user;
  const { modal } = App.useApp();

  /** Warns before making someone operator of all parks (unless they already were). */
  const confirmGrants = async (v: UserValues): Promise<boolean> => {
    const hadIt = !!user?.grants.some(isAllParksOperator);
    if (hadIt || !v.grants.some(isAllParksOperator)) return true;
    return modal.confirm({
      title: t('operator.users.allParksTitle'),
      content: t('operator.users.allParksBody'),
      okText: t('operator.users.allParksOk'),
      okButtonProps: { danger: true, 'data-testid': 'all-parks-confirm' } as never,
      cancelText: t('common.cancel'),
    });
  };

  const handleSubmit = (v: UserValues) => {
    // Validation made role and scope type required, so both are set here.
    const chosen = v.grants.map<RoleGrant>((g) => ({ role: g.role as Role, scopeType: g.scopeType as ScopeType, scopeId: g.scopeType === 'all' || g.scopeType === 'none' ? null : (g.scopeId ?? null) }));
    if (user) return update.mutateAsync({ id: user.id, displayName: v.displayName.trim(), grants: chosen });
    return create.mutateAsync({
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
      email: v.email?.trim() || null,
      phone: v.phone?.trim() || null,
      locale: v.locale,
      grants: chosen,
    });
  };

  return (
    <FormModal<UserValues>
      open={open}
      form={form}
      width={680}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.new')}
      onClose={onClose}
      onSubmit={handleSubmit}
      confirm={confirmGrants}
      successMessage={user ? t('common.saved') : t('common.created')}
      testId={user ? 'user-edit-form' : 'user-form'}
      initialValues={
        user
          ? { username: user.username, displayName: user.displayName, grants: user.grants.map((g) => ({ ...g })) }
          : // No role is chosen for a new user: Save with the default once made super-operators.
            { locale: 'zh-CN', grants: [{ role: undefined, scopeType: undefined, scopeId: null }] }
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: !isEditing, min: 3, max: 64, message: t('common.required', { field: t('users.username') }) }]}>
            {/* The username is the sign-in name and cannot be changed. */}
            <Input autoComplete="off" disabled={isEditing} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }]}>
            <Input />
          </Form.Item>
        </Col>
        {!isEditing && (
          <>
            <Col xs={24} md={12}>
              <Form.Item name="password" label={t('users.password')} rules={[{ required: true, message: t('common.required', { field: t('users.password') }) }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="locale" label={t('users.locale')}>
                <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('enterprises.emailInvalid') }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={t('users.phone')}>
                <Input />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Form.List
        name="grants"
        rules={[{ validator: async (_, value: unknown[] | undefined) => { if (!value || value.length === 0) throw new Error(t('users.grantsRequired')); } }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t('users.grants')}>
            {fields.map((field) => {
              const role = grants[field.name]?.role;
              const scopeType = grants[field.name]?.scopeType;
              const allowed = role ? ROLE_SCOPES[role] : [];
              const needsScope = scopeType && scopeType !== 'all' && scopeType !== 'none';
              return (
                <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid="grant-row">
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('operator.users.roleRequired') }]} style={{ marginBottom: 8 }}>
                    <Select
                      style={{ width: 150 }}
                      placeholder={t('operator.users.rolePlaceholder')}
                      data-testid="grant-role"
                      options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                      onChange={(r: Role) => form.setFieldValue(['grants', field.name], { role: r, scopeType: ROLE_SCOPES[r][0], scopeId: null })}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'scopeType']} rules={[{ required: true, message: t('operator.users.scopeTypeRequired') }]} style={{ marginBottom: 8 }}>
                    <Select
                      style={{ width: 140 }}
                      placeholder={t('users.scopeType')}
                      data-testid="grant-scope-type"
                      options={allowed.map((s) => ({ value: s, label: t(`scopes.${s}`) }))}
                      onChange={() => form.setFieldValue(['grants', field.name, 'scopeId'], null)}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'scopeId']}
                    rules={needsScope ? [{ required: true, message: t('users.scopeIdRequired') }] : []}
                    style={{ marginBottom: 8, width: 220 }}
                  >
                    <ScopeSelect scopeType={scopeType} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 9 }} aria-label={t('common.remove')} data-testid="grant-remove" />
                  )}
                </Space>
              );
            })}
            <Button type="dashed" onClick={() => add({ role: undefined, scopeType: undefined, scopeId: null })} icon={<PlusOutlined />} data-testid="grant-add">
              {t('users.addGrant')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}
