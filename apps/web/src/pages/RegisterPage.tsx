import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyFieldErrors, errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import { getInvitation, register } from '../modules/enterprises/api/people.api';
import { Brand } from '../modules/layout/components/Brand';
import { LanguageSwitch } from '../modules/layout/components/LanguageSwitch';
import { useDocumentTitle } from '../ui/useDocumentTitle';

interface RegisterValues {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  joinEnterpriseName?: string;
}

/**
 * Self-registration (注册): through an invitation link (`?invite=`) the person joins the enterprise at
 * once; otherwise a phone an admin invited, or a request to join the named enterprise.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invite = params.get('invite');
  const [form] = Form.useForm<RegisterValues>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  useDocumentTitle(t('people.register.title'));
  const invitation = useQuery({ queryKey: ['invitation', invite], queryFn: () => getInvitation(invite!), enabled: !!invite, retry: false });

  if (user && !pending) return <Navigate to="/" replace />;

  const handleFinish = async (v: RegisterValues) => {
    setIsSubmitting(true);
    setError(null);
    try {
      const r = await register({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        phone: v.phone?.trim() || null,
        invitationToken: invite,
        joinEnterpriseName: invite ? null : v.joinEnterpriseName?.trim() || null,
      });
      if (r.joinRequestId) setPending(true);
      await signIn({ username: v.username.trim(), password: v.password });
      if (!r.joinRequestId) void navigate('/', { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(errorMessage(e));
    } finally {
      setIsSubmitting(false);
    }
  };

  const required = { required: true, message: t('people.register.required') };
  return (
    <div className="login">
      <main className="login__panel" style={{ flex: 1 }}>
        <div className="login__lang">
          <LanguageSwitch />
        </div>
        <Card className="login__card" variant="borderless">
          <div className="login__mobile-brand">
            <Brand isDark={false} />
          </div>
          <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 24 }}>
            {t('people.register.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('people.register.subtitle')}</Typography.Paragraph>
          {invite && invitation.isPending && <Spin />}
          {invite && invitation.isError && <Alert type="error" showIcon title={t('people.register.invalidInvite')} style={{ marginBottom: 16 }} data-testid="register-invalid-invite" />}
          {invitation.data && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="register-invited"
              title={
                <span data-user-content>{t('people.register.invited', { enterprise: invitation.data.enterpriseName, role: t(`roles.${invitation.data.role}`) })}</span>
              }
            />
          )}
          {pending && <Alert type="info" showIcon title={t('people.register.pending')} style={{ marginBottom: 16 }} data-testid="register-pending" action={<Link to="/">{t('people.register.continue')}</Link>} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="register-error" />}
          {!pending && !(invite && invitation.isError) && (
            <Form<RegisterValues> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)} requiredMark={false}>
              <Form.Item name="username" label={t('people.register.username')} extra={t('people.register.usernameHint')} rules={[required, { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: t('people.register.usernameHint') }]}>
                <Input autoComplete="username" data-testid="register-username" />
              </Form.Item>
              <Form.Item name="displayName" label={t('people.register.displayName')} rules={[required, { max: 100 }]}>
                <Input autoComplete="name" data-testid="register-name" />
              </Form.Item>
              <Form.Item name="password" label={t('people.register.password')} extra={t('people.register.passwordHint')} rules={[required, { min: 10, message: t('people.register.passwordHint') }]}>
                <Input.Password autoComplete="new-password" data-testid="register-password" />
              </Form.Item>
              <Form.Item name="phone" label={t('people.register.phone')} extra={t('people.register.phoneHint')} rules={[{ pattern: /^\+?[0-9 -]{6,20}$/, message: t('people.register.phoneHint') }]}>
                <Input inputMode="tel" autoComplete="tel" data-testid="register-phone" />
              </Form.Item>
              {!invite && (
                <Form.Item name="joinEnterpriseName" label={t('people.register.enterprise')} extra={t('people.register.enterpriseHint')} rules={[{ max: 200 }]}>
                  <Input data-testid="register-enterprise" />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" block size="large" loading={isSubmitting} data-testid="register-submit">
                {t('people.register.submit')}
              </Button>
            </Form>
          )}
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/login">{t('people.register.toLogin')}</Link>
          </div>
        </Card>
      </main>
    </div>
  );
}
