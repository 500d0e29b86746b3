//! Login with Amazon: the refresh-token grant.
