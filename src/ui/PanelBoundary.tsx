import i18next from 'i18next';
import { Component, type ReactNode } from 'react';
import './i18n';

interface Props {
  name: string;
  children: ReactNode;
}

/** Keeps a failure inside the panel that failed instead of blanking the page. */
export class PanelBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error)
      return (
        <div className="panel-error" role="alert">
          {i18next.t('panel.failed', { name: this.props.name, message: this.state.error.message })}
        </div>
      );
    return this.props.children;
  }
}
