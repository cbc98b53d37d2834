export * from './access.contracts';
export * from './admin.contracts';
export * from './auth.contracts';
export * from './common.contracts';
export * from './families.contracts';
export * from './offers.contracts';
export * from './screening.contracts';
export * from './visits.contracts';
