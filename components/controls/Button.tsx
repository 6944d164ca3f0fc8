// The site's button: visible focus ring, 44 px touch target on phones, variants by data attribute.
//
//   <Button onClick={reset}>Reset</Button>
//   <Button variant="primary" aria-pressed={on}>Train</Button>
import type { ButtonHTMLAttributes } from 'react';
import './controls.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'default' | 'primary' | 'quiet';
}

export function Button({ variant = 'default', className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={className ? `ctl-button ${className}` : 'ctl-button'} data-variant={variant} {...rest} />;
}
