import { useState } from 'react';
import { Button, Col, Row, Space, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import { EnterpriseBasics } from '../modules/enterprises/components/EnterpriseBasics';
import { EnterpriseFormModal } from '../modules/enterprises/components/EnterpriseFormModal';
import { EnterpriseHistoryCard } from '../modules/enterprises/components/EnterpriseHistoryCard';
import { InvitationsCard } from '../modules/enterprises/components/InvitationsCard';
import { JoinRequestsCard } from '../modules/enterprises/components/JoinRequestsCard';
import { LeasesCard } from '../modules/enterprises/components/LeasesCard';
import { MembersCard } from '../modules/enterprises/components/MembersCard';
import { ParkingSpacesCard } from '../modules/enterprises/components/ParkingSpacesCard';
import { VehiclesCard } from '../modules/enterprises/components/VehiclesCard';
import { useEnterprise } from '../modules/enterprises/hooks/useEnterprise';
import type { Crumb } from '../ui/PageHeader';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The 360° profile of one enterprise. */
export function EnterpriseDetailPage({ enterpriseId }: { enterpriseId?: string }) {
  const { t } = useTranslation();
  const params = useParams<{ id: string }>();
  const id = enterpriseId ?? params.id;
  const { permissions, user } = useSession();
  const profile = useEnterprise(id);
  const [isEditing, setIsEditing] = useState(false);

  return (
    <QueryBoundary query={profile} skeletonRows={12}>
      {(e) => {
        const canEdit = permissions.canEditEnterprise(e.id);
        const crumbs: Crumb[] = permissions.canSeeEnterpriseList
          ? [{ title: t('nav.enterprises'), to: '/enterprises' }, { title: e.legalName }]
          : [{ title: t('nav.myEnterprise') }];
        return (
          <>
            <PageHeader
              title={<span data-testid="enterprise-name">{e.legalName}</span>}
              subtitle={
                <>
                  <Tag color="blue">{t(`industries.${e.industry}`)}</Tag>
                  <Tag>{t(`sizes.${e.size}`)}</Tag>
                  {e.siteName && <Tag>{e.siteName}</Tag>}
                </>
              }
              crumbs={crumbs}
              extra={
                canEdit && (
                  <Button type="primary" icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="enterprise-edit">
                    {t('enterprises.editProfile')}
                  </Button>
                )
              }
            />
            <Row gutter={[16, 16]} className="stack">
              <Col xs={24}>
                <EnterpriseBasics enterprise={e} />
              </Col>
              {/* Its admins (and operators) manage the enterprise's people: members, join requests, invitations. */}
              {canEdit && (
                <>
                  <Col xs={24} xl={14} id="people">
                    <MembersCard enterpriseId={e.id} selfId={user?.id ?? ''} />
                  </Col>
                  <Col xs={24} xl={10}>
                    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                      <JoinRequestsCard enterpriseId={e.id} />
                      <InvitationsCard enterpriseId={e.id} />
                    </Space>
                  </Col>
                </>
              )}
              <Col xs={24}>
                <LeasesCard enterpriseId={e.id} parkId={e.parkId} leases={e.leases} canEnd={permissions.isOperator} />
              </Col>
              <Col xs={24} lg={12}>
                <VehiclesCard enterpriseId={e.id} vehicles={e.vehicles} canEdit={canEdit} />
              </Col>
              <Col xs={24} lg={12}>
                <ParkingSpacesCard enterpriseId={e.id} spaces={e.parkingSpaces} canEdit={permissions.isOperator} />
              </Col>
              {/* Operators and this enterprise's admins may read its audit entries; members may not. */}
              {canEdit && (
                <Col xs={24}>
                  <EnterpriseHistoryCard enterprise={e} />
                </Col>
              )}
            </Row>
            <EnterpriseFormModal open={isEditing} onClose={() => setIsEditing(false)} enterprise={e} />
          </>
        );
      }}
    </QueryBoundary>
  );
}
