import { ProcessRefusal } from '../processes/refusal.ts';
import { ApiError } from './errors.ts';

/** Runs a call to a long process, answering its refusal (an Update's validator said no) as 409 `code`. */
export async function conflictOnRefusal<T>(code: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ProcessRefusal) throw new ApiError(409, code, err.message);
    throw err;
  }
}
