import type { SurveyLanguage } from '@familiespor/domain';
import type { MailMessage } from './mailer';

const texts: Record<SurveyLanguage, { subject: string; body: (what: string, url: string) => string }> = {
  da: {
    subject: 'Hvordan var det? Tre korte spørgsmål',
    body: (what, url) =>
      `Hej\n\nVi vil gerne høre, hvordan du oplevede ${what}. Det tager et minut: tre spørgsmål og et felt, hvis du vil skrive noget.\n\n${url}\n\nDit svar er anonymt: vi kan ikke se, hvem der har svaret hvad. Linket kan bruges én gang.\n\nVenlig hilsen\nFamiliespor`,
  },
  en: {
    subject: 'How was it? Three short questions',
    body: (what, url) =>
      `Hello\n\nWe would like to hear how you found ${what}. It takes a minute: three questions and a field if you want to write something.\n\n${url}\n\nYour answer is anonymous: we cannot see who answered what. The link can be used once.\n\nKind regards\nFamiliespor`,
  },
  ar: {
    subject: 'كيف كانت التجربة؟ ثلاثة أسئلة قصيرة',
    body: (what, url) =>
      `مرحبًا\n\nنود أن نعرف رأيك في ${what}. يستغرق الأمر دقيقة واحدة: ثلاثة أسئلة وحقل إذا أردت أن تكتب شيئًا.\n\n${url}\n\nإجابتك مجهولة الهوية: لا يمكننا معرفة من أجاب بماذا. يمكن استخدام الرابط مرة واحدة.\n\nمع أطيب التحيات\nFamiliespor`,
  },
};

/** The e-mail with one parent's survey link, in the parent's preferred language. */
export function surveyMail(to: string, language: string, what: string, url: string): MailMessage {
  const t = texts[(['da', 'en', 'ar'] as const).find((l) => l === language) ?? 'da'];
  return { to, subject: t.subject, text: t.body(what, url) };
}
