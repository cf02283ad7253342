import { Migration } from '@mikro-orm/migrations';

/**
 * identity.subject_keys (owned by infrastructure/vault): one data key per subject (user, or
 * organisation for invitations), wrapped under PERSONAL_DATA_KEY. Shredding keeps the row with no
 * key, so that "shredded" stays distinguishable from "never had personal data", and a trigger
 * keeps a shredded subject keyless for good.
 */
export class Migration20261121000100_create_subject_keys extends Migration {
  override up(): void {
    this.addSql(`
      create table identity.subject_keys (
        subject_id text not null check (char_length(subject_id) between 1 and 200),
        wrapped_key bytea check (octet_length(wrapped_key) = 61),
        created_at timestamptz not null default now(),
        shredded_at timestamptz,
        constraint subject_keys_pkey primary key (subject_id),
        constraint subject_keys_key_until_shredded check ((wrapped_key is null) = (shredded_at is not null))
      )`);
    this.addSql(`
      create function identity.subject_keys_stay_shredded() returns trigger language plpgsql as $$
      begin
        if old.shredded_at is not null and (new.wrapped_key is not null or new.shredded_at is null) then
          raise exception 'subject % was shredded: its key cannot come back', old.subject_id
            using errcode = 'check_violation';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger subject_keys_stay_shredded before update on identity.subject_keys
        for each row execute function identity.subject_keys_stay_shredded()`);
  }

  override down(): void {
    this.addSql('drop table identity.subject_keys');
    this.addSql('drop function identity.subject_keys_stay_shredded()');
  }
}
