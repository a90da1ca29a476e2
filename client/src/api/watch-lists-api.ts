import { gql } from './client.js';

/** The watch-lists of batch collision (重点人员名单): settings, group rules, members. */
export interface GroupRule {
  id: string;
  name: string;
  scope: 'STATION' | 'LOCATION';
  minMembers: number;
  windowHours: number;
  locationTypes: string[];
  deadlineMinutes: number;
}

export interface WatchList {
  name: string;
  title: string;
  description: string;
  singleHits: 'ORDER' | 'NOTE';
  singleDeadlineMinutes: number;
  rules: GroupRule[];
  active: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
  taggedPersons: number;
  entryCount: number;
}

export type WatchListInput = Omit<WatchList, 'updatedBy' | 'updatedAt' | 'taggedPersons' | 'entryCount'>;

export interface WatchEntry {
  id: string;
  list: string;
  idNumber: string | null;
  phone: string | null;
  plate: string | null;
  name: string | null;
  birthDate: string | null;
  note: string | null;
  addedBy: string;
  addedAt: string | null;
}

export type WatchEntryInput = Pick<WatchEntry, 'list' | 'idNumber' | 'phone' | 'plate' | 'name' | 'birthDate' | 'note'>;

const LIST_FIELDS = 'name title description singleHits singleDeadlineMinutes active updatedBy updatedAt taggedPersons entryCount rules { id name scope minMembers windowHours locationTypes deadlineMinutes }';
const ENTRY_FIELDS = 'id list idNumber phone plate name birthDate note addedBy addedAt';

export async function watchLists(): Promise<WatchList[]> {
  return (await gql<{ watchLists: WatchList[] }>(`query WatchLists { watchLists { ${LIST_FIELDS} } }`)).watchLists;
}

export async function watchEntries(list: string, first: number, offset: number): Promise<{ total: number; entries: WatchEntry[] }> {
  const data = await gql<{ watchEntries: { total: number; entries: WatchEntry[] } }>(
    `query WatchEntries($list: String!, $first: Int, $offset: Int) { watchEntries(list: $list, first: $first, offset: $offset) { total entries { ${ENTRY_FIELDS} } } }`,
    { list, first, offset },
  );
  return data.watchEntries;
}

export async function saveWatchList(input: WatchListInput): Promise<WatchList> {
  return (await gql<{ saveWatchList: WatchList }>(`mutation SaveWatchList($input: WatchListInput!) { saveWatchList(input: $input) { ${LIST_FIELDS} } }`, { input })).saveWatchList;
}

export async function addWatchEntry(input: WatchEntryInput): Promise<WatchEntry> {
  return (await gql<{ addWatchEntry: WatchEntry }>(`mutation AddWatchEntry($input: WatchEntryInput!) { addWatchEntry(input: $input) { ${ENTRY_FIELDS} } }`, { input })).addWatchEntry;
}

export async function removeWatchEntry(id: string): Promise<boolean> {
  return (await gql<{ removeWatchEntry: boolean }>(`mutation RemoveWatchEntry($id: ID!) { removeWatchEntry(id: $id) }`, { id })).removeWatchEntry;
}
