// How an online payment provider plugs in (the national payment platform, a bank gateway,
// Stripe in the billing work). The engine asks it to start a payment and to vouch for a
// notification; it never trusts a browser's return from the provider's page.
export interface PaymentNotice {
  providerRef: string;
  /** Whole đồng. */
  amount: number;
  status: 'succeeded' | 'failed';
}

export interface PaymentProvider {
  readonly name: string;
  createPayment(input: {
    /** Ours: the payment id, echoed back in notifications. */
    reference: string;
    amount: number;
    description: string;
    returnUrl: string;
  }): Promise<{ providerRef: string; redirectUrl: string }>;
  /** The notice if the request is genuinely the provider's (signature checked), else null. */
  verifyNotification(request: {
    headers: Record<string, string>;
    body: string;
  }): Promise<PaymentNotice | null>;
}
