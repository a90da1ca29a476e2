import { ApiError, onApiError, session } from '../api/client.js';
import { me, signOut, type Viewer } from '../api/session-api.js';
import { applyI18n, currentLang, t } from './i18n.js';
import { askPurpose } from './purpose.js';
import { showSignIn } from './sign-in-view.js';
import { toast } from './toasts.js';
import { buildWorkspace, type Workspace } from './workspace.js';

/**
 * The page's life: sign in, then the workspace; a session that ends (idle, signed out
 * elsewhere) brings the sign-in back with a reason; a look-up without a stated purpose
 * opens the purpose dialog.
 */
export async function startApp(root: HTMLElement): Promise<void> {
  document.documentElement.lang = currentLang();
  document.title = t('app.title');
  let workspace: Workspace | null = null;
  let asking = false;

  const enter = async (viewer: Viewer) => {
    workspace?.destroy();
    workspace = buildWorkspace(viewer, {
      editPurpose: () => void askPurpose().then(() => workspace?.header.render()),
      signOut: () => void signOut().finally(() => leave(null)),
      passwordChanged: () => void leave(t('password.changed')),
    });
    root.replaceChildren(workspace.el);
    applyI18n(root);
    workspace.view.resize();
    if (!session.purpose && viewer.role !== 'ADMINISTRATOR') {
      await askPurpose();
      workspace.header.render();
    }
  };

  const leave = async (notice: string | null) => {
    workspace?.destroy();
    workspace = null;
    session.token = null;
    // the next user states their own purpose
    session.purpose = null;
    await showSignIn(root, notice);
    await enter(await me());
  };

  onApiError((e: ApiError) => {
    if (e.code === 'UNAUTHENTICATED' && workspace) void leave(t('signin.expired'));
    else if (e.code === 'PURPOSE_REQUIRED' && workspace && !asking) {
      asking = true;
      toast(t('purpose.required'), 'warn');
      void askPurpose().finally(() => {
        asking = false;
        workspace?.header.render();
      });
    }
  });

  if (session.token) {
    try {
      return await enter(await me());
    } catch {
      session.token = null;
    }
  }
  await showSignIn(root, null);
  await enter(await me());
}
