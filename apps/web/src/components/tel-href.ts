/** A phone number as a tel: link the phone can dial: "+45 24 60 11 22" → "tel:+4524601122". */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
