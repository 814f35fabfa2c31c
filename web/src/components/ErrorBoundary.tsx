import { Component, type ReactNode } from 'react';
import { translate, storedLocale } from '../i18n/index.tsx';

interface State {
  error: Error | null;
}

/** Keeps a crashing page from blanking the whole app; the navigation stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };
  static getDerivedStateFromError(error: Error): State {
    return { error };
  }
  override componentDidCatch(error: Error): void {
    console.error(error);
  }
  override render() {
    if (!this.state.error) return this.props.children;
    const l = storedLocale() ?? 'vi';
    return (
      <div className="alert alert-error" role="alert">
        <strong>{translate(l, 'common.pageError')}</strong>
        <div className="muted">{this.state.error.message}</div>
      </div>
    );
  }
}
