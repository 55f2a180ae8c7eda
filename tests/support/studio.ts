import {createClient} from '@sanity/client'
import {API_VERSION} from '@smart-cities/shared/api-version'
import {firstValueFrom} from 'rxjs'
import {createMockAuthStore, resolveConfig, type Source} from 'sanity'

import config from '../../studio/sanity.config'

/**
 * The studio's real configuration, resolved by Sanity as the studio does, with a
 * mock signed-in editor instead of a network login.
 */
export async function resolveStudioSource(): Promise<Source> {
  const client = createClient({
    projectId: 'offline-placeholder',
    dataset: 'production',
    apiVersion: API_VERSION,
    useCdn: false,
  })
  const auth = createMockAuthStore({
    client,
    currentUser: {
      id: 'editor',
      name: 'Editor',
      email: 'editor@example.com',
      role: 'administrator',
      roles: [{name: 'administrator', title: 'Administrator'}],
    },
  })
  const [workspace] = await firstValueFrom(resolveConfig({...config, auth}))
  return workspace!.unstable_sources[0]!
}
