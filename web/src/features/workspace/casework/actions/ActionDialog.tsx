import type { OfficialAction } from '../../api';
import { AssignAction } from './AssignAction';
import { ExtendAction } from './ExtendAction';
import { NoteAction, ReasonAction, ReturnAction } from './SimpleActions';
import { SupplementAction } from './SupplementAction';
import { TransferAction } from './TransferAction';
import type { ActionProps } from './types';

/** The dialog of the chosen action. */
export function ActionDialog({ action, ...props }: ActionProps & { action: OfficialAction }) {
  switch (action) {
    case 'receive':
    case 'approve':
      return <NoteAction action={action} {...props} />;
    case 'refuse_intake':
    case 'refuse':
    case 'suspend':
      return <ReasonAction action={action} {...props} />;
    case 'request_supplement':
      return <SupplementAction {...props} />;
    case 'assign':
      return <AssignAction {...props} />;
    case 'transfer':
    case 'consult':
      return <TransferAction action={action} {...props} />;
    case 'extend':
      return <ExtendAction {...props} />;
    case 'return_result':
      return <ReturnAction {...props} />;
  }
}
