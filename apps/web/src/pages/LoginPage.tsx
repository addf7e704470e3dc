import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { CheckCircleFilled, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import { Brand } from '../modules/layout/components/Brand';
import { LanguageSwitch } from '../modules/layout/components/LanguageSwitch';
import { useDocumentTitle } from '../ui/useDocumentTitle';

interface LoginValues {
  username: string;
  password: string;
}

/** The sign-in page: product hero on the left, form on the right, demo accounts hinted. */
export function LoginPage() {
  const { t } = useTranslation();
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  useDocumentTitle(t('auth.submit'));

  if (user) return <Navigate to={from} replace />;

  const handleFinish = async (values: LoginValues) => {
    setIsSubmitting(true);
    setError(null);
    try {
      await signIn({ username: values.username.trim(), password: values.password });
      void navigate(from, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <div className="login">
      <div className="login__hero">
        <Brand />
        <div className="login__hero-body">
          <h2>{t('auth.heroTitle')}</h2>
          <p>{t('auth.heroText')}</p>
          <ul>
            {(['heroPoint1', 'heroPoint2', 'heroPoint3'] as const).map((k) => (
              <li key={k}>
                <CheckCircleFilled /> {t(`auth.${k}`)}
              </li>
            ))}
          </ul>
        </div>
        <small className="login__hero-foot">{t('app.footer')}</small>
      </div>
      <main className="login__panel">
        <div className="login__lang">
          <LanguageSwitch />
        </div>
        <Card className="login__card" variant="borderless">
          <div className="login__mobile-brand">
            <Brand isDark={false} />
          </div>
          <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 24 }}>
            {t('auth.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={t('auth.failed')} description={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form<LoginValues> layout="vertical" size="large" onFinish={(v) => void handleFinish(v)} requiredMark={false}>
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Form>
          <div style={{ marginTop: 12, textAlign: 'center' }}>
            <Link to="/register" data-testid="login-register">
              {t('people.register.link')}
            </Link>
          </div>
          <Alert className="login__demo" type="info" showIcon title={t('auth.demoHint')} description={t('auth.demoHintText')} data-testid="login-demo-hint" />
        </Card>
      </main>
    </div>
  );
}
