//! Why an entered Amazon value was refused, and what to do. Never contains the value.

use crate::kind::CredentialKind;
use crate::lang::Text;

/// A value that cannot be the Amazon ID or credential its field expects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Nothing was entered.
    #[error("the {field} is empty")]
    Empty {
        /// The field's kind.
        field: CredentialKind,
    },
    /// Another kind of value (e.g. the marketplace ID in the seller ID field).
    #[error("this is a {found}, not a {field}")]
    WrongKind {
        /// The field's kind.
        field: CredentialKind,
        /// The kind the value was recognized as.
        found: CredentialKind,
    },
    /// A developer ID that is not 12 digits.
    #[error("the developer ID is not 12 digits")]
    DeveloperIdFormat,
    /// A seller ID that is not `A` + uppercase letters and digits.
    #[error("the seller ID is not in the expected form")]
    SellerIdFormat,
    /// A seller ID typed in lowercase.
    #[error("the seller ID has lowercase letters")]
    SellerIdLowercase,
    /// Not a marketplace Kagiban knows.
    #[error("the marketplace is not a known one")]
    UnknownMarketplace,
    /// Not `amzn1.application-oa2-client.` + 32 hex.
    #[error("the LWA client ID is not in the expected form")]
    ClientIdFormat,
    /// Not `amzn1.oa2-cs.v1.` + 64 hex (or bare 64 hex).
    #[error("the LWA client secret is not in the expected form")]
    ClientSecretFormat,
    /// Not `Atzr|` + the token.
    #[error("the refresh token is not in the expected form")]
    RefreshTokenFormat,
    /// An access token (`Atza|`) or RDT (`Atz.sprdt|`) where the refresh token goes.
    #[error("this is a short-lived access token, not the refresh token")]
    ShortLivedToken,
    /// Not `amzn.mws.` + UUID.
    #[error("the MWS auth token is not in the expected form")]
    MwsAuthTokenFormat,
}

impl IdError {
    /// The stable snake_case code, for IPC and the CLI.
    pub fn code(&self) -> &'static str {
        match self {
            IdError::Empty { .. } => "empty",
            IdError::WrongKind { .. } => "wrong_kind",
            IdError::DeveloperIdFormat => "developer_id_format",
            IdError::SellerIdFormat => "seller_id_format",
            IdError::SellerIdLowercase => "seller_id_lowercase",
            IdError::UnknownMarketplace => "unknown_marketplace",
            IdError::ClientIdFormat => "client_id_format",
            IdError::ClientSecretFormat => "client_secret_format",
            IdError::RefreshTokenFormat => "refresh_token_format",
            IdError::ShortLivedToken => "short_lived_token",
            IdError::MwsAuthTokenFormat => "mws_auth_token_format",
        }
    }

    /// What is wrong and what to do, in Japanese and English.
    pub fn message(&self) -> Text {
        use CredentialKind as K;
        match self {
            IdError::Empty { field } => empty_message(*field),
            IdError::WrongKind { field: K::AmazonSellerId, found: K::AmazonMarketplaceId } => Text::new(
                "これはマーケットプレイスID（日本は A1VC38T7YXB528）です。ここには出品者ID（出品者トークン）を入力してください。",
                "This is a marketplace ID (Japan's is A1VC38T7YXB528). Enter the seller ID (merchant token) here.",
            ),
            IdError::WrongKind { field: K::AmazonDeveloperId, found: K::AmazonSellerId } => Text::new(
                "これは出品者IDです。ここには開発者から知らされた12桁の開発者IDを入力してください。",
                "This is a seller ID. Enter the 12-digit developer ID the developer gave you here.",
            ),
            IdError::WrongKind { field: K::LwaClientId, found: K::LwaClientSecret } => Text::new(
                "これはクライアントシークレットです。ここには amzn1.application-oa2-client. で始まるクライアントIDを貼り付けてください。",
                "This is the client secret. Paste the client ID, which starts with amzn1.application-oa2-client., here.",
            ),
            IdError::WrongKind { field: K::LwaClientSecret, found: K::LwaClientId } => Text::new(
                "これはクライアントIDです。ここには amzn1.oa2-cs.v1. で始まるクライアントシークレットを貼り付けてください。",
                "This is the client ID. Paste the client secret, which starts with amzn1.oa2-cs.v1., here.",
            ),
            IdError::WrongKind { .. } => Text::new(
                "これは別の種類の値のようです。入力欄の名前を確かめて、合う値をそのままコピーしてください。",
                "This looks like another kind of value. Check the field's name and copy the matching value exactly as shown.",
            ),
            IdError::DeveloperIdFormat => Text::new(
                "開発者IDは12桁の数字です（例: 1234-1234-1234 または 123412341234）。桁が欠けていないか確認してください。",
                "A developer ID is 12 digits (e.g. 1234-1234-1234 or 123412341234). Check that no digit is missing.",
            ),
            IdError::SellerIdFormat => Text::new(
                "出品者IDは A で始まる英大文字と数字（14文字前後）です。セラーセントラルの 設定 › 出品用アカウント情報 にある出品者トークンをそのままコピーしてください。",
                "A seller ID is A followed by capital letters and digits (about 14 characters). Copy the merchant token from Seller Central › Settings › Account Info exactly as shown.",
            ),
            IdError::SellerIdLowercase => Text::new(
                "出品者IDは英大文字と数字だけでできています。小文字を大文字にして入力するか、セラーセントラルからそのままコピーしてください。",
                "A seller ID has capital letters and digits only. Type it in capitals, or copy it from Seller Central as shown.",
            ),
            IdError::UnknownMarketplace => Text::new(
                "鍵番が知らないマーケットプレイスIDです。一覧から選ぶか、日本の場合は空欄のまま（A1VC38T7YXB528）にしてください。出品者IDと取り違えていないかも確認してください。",
                "Kagiban does not know this marketplace ID. Choose one from the list, or leave it empty for Japan (A1VC38T7YXB528). Also check it is not the seller ID.",
            ),
            IdError::ClientIdFormat => Text::new(
                "LWA クライアントIDは amzn1.application-oa2-client. と32文字の英数字です。デベロッパーセントラルの「LWA認証情報」から、途中で切れないようにそのままコピーしてください。",
                "An LWA client ID is amzn1.application-oa2-client. followed by 32 letters and digits. Copy it in full from the LWA credentials in Developer Central.",
            ),
            IdError::ClientSecretFormat => Text::new(
                "LWA クライアントシークレットは amzn1.oa2-cs.v1. と64文字の英数字（小文字）です。デベロッパーセントラルの「LWA認証情報」から、途中で切れないようにそのままコピーしてください。",
                "An LWA client secret is amzn1.oa2-cs.v1. followed by 64 lowercase letters and digits. Copy it in full from the LWA credentials in Developer Central.",
            ),
            IdError::RefreshTokenFormat => Text::new(
                "リフレッシュトークンは Atzr| で始まる長い文字列です。アプリを認可したときに受け取ったものを、途中で切れないようにそのままコピーしてください。",
                "A refresh token is a long value starting with Atzr|. Copy the one you received when authorizing the app, in full.",
            ),
            IdError::ShortLivedToken => Text::new(
                "これは1時間で切れるアクセストークン（Atza| または Atz.sprdt|）です。ここには Atzr| で始まるリフレッシュトークンを貼り付けてください。",
                "This is an access token that expires within an hour (Atza| or Atz.sprdt|). Paste the refresh token, which starts with Atzr|, here.",
            ),
            IdError::MwsAuthTokenFormat => Text::new(
                "MWS 認証トークンは amzn.mws. で始まり、そのあとに 8-4-4-4-12 文字の英数字が続きます。手順⑤の画面に表示されたものをそのままコピーしてください。",
                "An MWS auth token is amzn.mws. followed by 8-4-4-4-12 letters and digits. Copy it exactly as step ⑤'s screen showed it.",
            ),
        }
    }
}

fn empty_message(field: CredentialKind) -> Text {
    match field {
        CredentialKind::AmazonDeveloperId => Text::new(
            "開発者IDが入力されていません。開発者から知らされた12桁の開発者IDを入力してください。",
            "No developer ID was entered. Enter the 12-digit developer ID the developer gave you.",
        ),
        CredentialKind::AmazonSellerId => Text::new(
            "出品者IDが入力されていません。セラーセントラルの 設定 › 出品用アカウント情報 にある出品者トークンをコピーして貼り付けてください。",
            "No seller ID was entered. Copy the merchant token from Seller Central › Settings › Account Info and paste it here.",
        ),
        CredentialKind::LwaClientId => Text::new(
            "LWA クライアントIDが入力されていません。デベロッパーセントラルの「LWA認証情報」からコピーして貼り付けてください。",
            "No LWA client ID was entered. Copy it from the LWA credentials in Developer Central and paste it here.",
        ),
        CredentialKind::LwaClientSecret => Text::new(
            "LWA クライアントシークレットが入力されていません。デベロッパーセントラルの「LWA認証情報」からコピーして貼り付けてください。",
            "No LWA client secret was entered. Copy it from the LWA credentials in Developer Central and paste it here.",
        ),
        CredentialKind::LwaRefreshToken => Text::new(
            "リフレッシュトークンが入力されていません。アプリを認可したときに受け取った Atzr| で始まるトークンを貼り付けてください。",
            "No refresh token was entered. Paste the token starting with Atzr| that you received when authorizing the app.",
        ),
        CredentialKind::AmazonMwsAuthToken => Text::new(
            "MWS 認証トークンが入力されていません。手順⑤の画面に表示された amzn.mws. で始まるトークンを貼り付けてください。",
            "No MWS auth token was entered. Paste the token starting with amzn.mws. that step ⑤'s screen showed.",
        ),
        _ => Text::new(
            "値が入力されていません。元の画面からコピーして貼り付けてください。",
            "Nothing was entered. Copy the value from the original screen and paste it here.",
        ),
    }
}
