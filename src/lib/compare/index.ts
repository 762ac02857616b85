/** Plans aligned with the national template of 国发〔2021〕33号. */
export { loadNationalTemplate, NationalTemplate, Topic, TopicKind, NATIONAL_TEMPLATE_FILE } from './template';
export {
  matchTopics,
  compareMatrix,
  unmatchedClauses,
  MATCHING,
  type TopicMatch,
  type TopicStatus,
} from './match';
