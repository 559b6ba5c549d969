import { prisma as defaultPrisma, type Db } from '../db.js';
import { PaymentStatus, PlanTier, Prisma } from '../generated/prisma/client.js';
import { UsageService } from './usage.service.js';

/** Included units per month. (The design wants this on Profile; until then it lives here.) */
const PLAN_QUOTAS: Record<PlanTier, bigint> = {
  [PlanTier.FREE]: 1_000n,
  [PlanTier.PRO]: 25_000n,
  [PlanTier.TEAM]: 100_000n,
};

export interface InvoicePaidEvent {
  profileId: string;
  stripeInvoiceId: string;
  amount: string;
  currency: string;
  plan: PlanTier;
  periodEnd: Date;
  paidAt: Date;
}

export class BillingService {
  constructor(
    private readonly prisma: Db = defaultPrisma,
    private readonly usage: UsageService = new UsageService(prisma),
  ) {}

  async currentPlan(profileId: string): Promise<PlanTier> {
    const last = await this.prisma.paymentHistory.findFirst({
      where: { profileId, status: PaymentStatus.SUCCEEDED },
      orderBy: { paidAt: 'desc' },
      select: { plan: true },
    });
    return last?.plan ?? PlanTier.FREE;
  }

  async assertWithinQuota(profileId: string) {
    const [plan, total] = await Promise.all([this.currentPlan(profileId), this.usage.monthlyTotal(profileId)]);
    if (plan === PlanTier.FREE && total.units >= PLAN_QUOTAS[plan]) {
      throw new Error('Monthly quota reached; upgrade to keep sending');
    }
  }

  /** Stripe `invoice.paid` webhook. */
  async recordInvoicePaid(event: InvoicePaidEvent) {
    return this.prisma.paymentHistory.upsert({
      where: { stripeInvoiceId: event.stripeInvoiceId },
      create: {
        profile: { connect: { id: event.profileId } },
        stripeInvoiceId: event.stripeInvoiceId,
        amount: new Prisma.Decimal(event.amount),
        currency: event.currency.toUpperCase(),
        plan: event.plan,
        status: PaymentStatus.SUCCEEDED,
        billingPeriodEnd: event.periodEnd,
        paidAt: event.paidAt,
      },
      update: { status: PaymentStatus.SUCCEEDED, paidAt: event.paidAt },
    });
  }

  /** Stripe `invoice.payment_failed` webhook. */
  async recordInvoiceFailed(stripeInvoiceId: string) {
    return this.prisma.paymentHistory.update({
      where: { stripeInvoiceId },
      data: { status: PaymentStatus.FAILED },
    });
  }

  /** Refund: mark the original payment and book a negative line in one go. */
  async refund(paymentId: string) {
    const payment = await this.prisma.paymentHistory.findUniqueOrThrow({ where: { id: paymentId } });
    return this.prisma.$transaction([
      this.prisma.paymentHistory.update({
        where: { id: paymentId },
        data: { status: PaymentStatus.REFUNDED },
      }),
      this.prisma.paymentHistory.create({
        data: {
          profileId: payment.profileId,
          amount: payment.amount.negated(),
          currency: payment.currency,
          plan: payment.plan,
          status: PaymentStatus.SUCCEEDED,
          paidAt: new Date(),
        },
      }),
    ]);
  }

  async history(profileId: string, take = 24) {
    return this.prisma.paymentHistory.findMany({
      where: { profileId },
      select: {
        id: true,
        amount: true,
        currency: true,
        status: true,
        plan: true,
        billingPeriodEnd: true,
        paidAt: true,
      },
      orderBy: { createdAt: 'desc' },
      take,
    });
  }

  async lifetimeRevenue(profileId: string) {
    const result = await this.prisma.paymentHistory.aggregate({
      where: { profileId, status: PaymentStatus.SUCCEEDED },
      _sum: { amount: true },
      _count: { _all: true },
    });
    return { total: result._sum.amount ?? new Prisma.Decimal(0), payments: result._count._all };
  }

  async revenueByStatus(since: Date) {
    return this.prisma.paymentHistory.groupBy({
      by: ['status', 'currency'],
      where: { createdAt: { gte: since } },
      _sum: { amount: true },
      _count: { _all: true },
    });
  }

  /** Accounts with a failed payment that have never paid successfully. */
  async delinquentProfiles() {
    return this.prisma.profile.findMany({
      where: {
        AND: [
          { payments: { some: { status: PaymentStatus.FAILED } } },
          { payments: { none: { status: PaymentStatus.SUCCEEDED } } },
        ],
      },
      select: { id: true, email: true, fullName: true, _count: { select: { payments: true } } },
    });
  }

  async profileSummary(profileId: string) {
    return this.prisma.profile.findUniqueOrThrow({
      where: { id: profileId },
      select: {
        id: true,
        email: true,
        fullName: true,
        timezone: true,
        _count: { select: { clients: true, timelines: true, usageEvents: true } },
      },
    });
  }
}

export const billingService = new BillingService();
