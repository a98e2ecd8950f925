//! whosaid
#![warn(missing_docs)]
pub mod article;
pub mod attribution;
pub mod dates;
mod error;
pub use article::Article;
pub use dates::Date;
pub use error::{Error, Result};
