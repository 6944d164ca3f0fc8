'use client';
// Where a widget shows a library error (MaxStepsExceeded, StepSizeUnderflow, invalid input) while
// its figure keeps the last good state. The role="alert" container is always rendered (empty when
// all is well) so screen readers announce the message when it appears.
//
//   const [error, setError] = useState<unknown>(null);
//   try { setTrace(adjointTrajectory(problem, grid)); setError(null); } catch (e) { setError(e); }
//   <ErrorBanner error={error} onDismiss={() => setError(null)} />
import { Button } from './Button';
import './controls.css';

export interface ErrorBannerProps {
  error: unknown;
  /** Sentence after the message. Default: says the figure shows the last valid result. */
  note?: string;
  onDismiss?: () => void;
}

/** Text of an unknown thrown value: an Error's message, a string, or a generic sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'Something went wrong while computing this figure.';
}

export function ErrorBanner({ error, note = 'The figure shows the last valid result.', onDismiss }: ErrorBannerProps) {
  const has = error !== null && error !== undefined && error !== false;
  return (
    <div role="alert" className="ctl-error" data-error={has ? (error instanceof Error ? error.name : 'error') : undefined}>
      {has ? (
        <>
          <p>
            <strong>Could not compute: </strong>
            {errorMessage(error)} {note}
          </p>
          {onDismiss && <Button variant="quiet" onClick={onDismiss} aria-label="Dismiss error message">✕</Button>}
        </>
      ) : null}
    </div>
  );
}
