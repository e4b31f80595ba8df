// The services' error, under the name the API adapters know it by: the router answers it with its code.
export { ServiceError as ApiError } from '../services/errors';
