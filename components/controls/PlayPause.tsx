'use client';
// Play/pause toggle (aria-pressed). Under prefers-reduced-motion it either stays usable and the
// widget's usePlayLoop advances in discrete steps (mode "steps", the default: the button says so),
// or it is disabled with a visible explanation pointing to the step buttons (mode "disabled").
//
//   const reduced = useReducedMotion();
//   <PlayPause playing={playing} onToggle={setPlaying} label="Play the backward pass" reducedMotion={reduced} />
//   usePlayLoop(playing, advance, { reducedMotion: reduced });
import { useId } from 'react';
import { Button } from './Button';
import { useReducedMotion } from '../viz/useReducedMotion';
import './controls.css';

export interface PlayPauseProps {
  playing: boolean;
  onToggle: (playing: boolean) => void;
  /** Visible text and accessible name while paused; default "Play". The name stays the same when playing (aria-pressed tells the state). */
  label?: string;
  /** Override the media query (default: useReducedMotion()). */
  reducedMotion?: boolean;
  reducedMotionMode?: 'steps' | 'disabled';
  disabled?: boolean;
}

export function PlayPause({ playing, onToggle, label = 'Play', reducedMotion, reducedMotionMode = 'steps', disabled = false }: PlayPauseProps) {
  const prefersReduced = useReducedMotion();
  const reduced = reducedMotion ?? prefersReduced;
  const noteId = `ctl-play-note-${useId()}`;
  const off = reduced && reducedMotionMode === 'disabled';
  const note = !reduced
    ? null
    : off
      ? 'Animation is off because your system asks for reduced motion; use the step buttons or the slider.'
      : 'Reduced motion: plays in discrete steps.';
  return (
    <span className="ctl-row" data-control="play">
      <Button
        aria-pressed={playing && !off}
        aria-describedby={note ? noteId : undefined}
        disabled={disabled || off}
        onClick={() => onToggle(!playing)}
      >
        <span className="ctl-icon" aria-hidden="true">{playing && !off ? '❚❚' : '▶'}</span>
        {label}
      </Button>
      {note && <span id={noteId} className="ctl-note">{note}</span>}
    </span>
  );
}
