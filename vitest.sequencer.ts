import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The end-to-end files go first: they run one at a time beside the server tests, so the longest
 * chain starts at once instead of after the server files have taken every worker.
 */
export default class EndToEndFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const e2e = sorted.filter((f) => f.project.name === 'e2e');
    return [...e2e, ...sorted.filter((f) => f.project.name !== 'e2e')];
  }
}
