//! Why an RDT request cannot be built, and what to check about one that can. Each has a stable
//! code and a sentence saying what to do; none carries or repeats what the user typed.

use super::ops::{DataElement, Op};
use crate::lang::Text;

/// A request the Tokens API would refuse (or that would not give what was asked for).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RdtError {
    /// Nothing was chosen: `restrictedResources` would be empty.
    #[error("no restricted data was chosen")]
    Empty,
    /// More than 50 restricted resources after merging duplicates.
    #[error("{count} restricted resources; the Tokens API accepts at most 50")]
    TooManyResources {
        /// How many there were.
        count: usize,
    },
    /// `dataElements` given for an operation other than getOrders, getOrder, getOrderItems.
    #[error("{op:?} does not take dataElements")]
    DataElementsNotAllowed {
        /// The operation.
        op: Op,
    },
    /// getOrders, getOrder or getOrderItems without `dataElements`.
    #[error("{op:?} needs dataElements")]
    DataElementsRequired {
        /// The operation.
        op: Op,
    },
    /// A data element the operation does not return (e.g. shippingAddress for getOrderItems).
    #[error("{op:?} does not take the data element {element:?}")]
    DataElementNotSupported {
        /// The operation.
        op: Op,
        /// The data element.
        element: DataElement,
    },
    /// getReportDocument with a generic path: only a specific document ID is accepted.
    #[error("getReportDocument needs a specific reportDocumentId, not a generic path")]
    GenericPathNotAllowed,
    /// The report document ID is empty.
    #[error("the reportDocumentId is empty")]
    ReportDocumentIdMissing,
    /// The report document ID contains characters an ID never has.
    #[error("the reportDocumentId is not valid")]
    InvalidReportDocumentId,
    /// An identifier that is still a placeholder (`<id>`, `:orderId`, `xxxx` …).
    #[error("the identifier is a placeholder, not a real one")]
    PlaceholderId,
    /// An order ID that is not 3-7-7 digits.
    #[error("the order ID is not in the 3-7-7 digit form")]
    InvalidOrderId,
    /// A shipment ID or purchase order number with characters an ID never has.
    #[error("the identifier is not valid")]
    InvalidPathId,
    /// An identifier given for an operation whose path has none (getOrders, createShipment …).
    #[error("{op:?} has no identifier in its path")]
    NoPathParameter {
        /// The operation.
        op: Op,
    },
    /// The report type is not restricted: its document needs no RDT.
    #[error("the report type is not a restricted report type")]
    ReportTypeNotRestricted,
    /// The delegatee application ID does not look like one (`amzn1.sellerapps.app.…`).
    #[error("the target application ID is not valid")]
    InvalidTargetApplication,
}

impl RdtError {
    /// The stable snake_case code, for IPC and the CLI.
    pub fn code(&self) -> &'static str {
        match self {
            RdtError::Empty => "empty",
            RdtError::TooManyResources { .. } => "too_many_resources",
            RdtError::DataElementsNotAllowed { .. } => "data_elements_not_allowed",
            RdtError::DataElementsRequired { .. } => "data_elements_required",
            RdtError::DataElementNotSupported { .. } => "data_element_not_supported",
            RdtError::GenericPathNotAllowed => "generic_path_not_allowed",
            RdtError::ReportDocumentIdMissing => "report_document_id_missing",
            RdtError::InvalidReportDocumentId => "invalid_report_document_id",
            RdtError::PlaceholderId => "placeholder_id",
            RdtError::InvalidOrderId => "invalid_order_id",
            RdtError::InvalidPathId => "invalid_path_id",
            RdtError::NoPathParameter { .. } => "no_path_parameter",
            RdtError::ReportTypeNotRestricted => "report_type_not_restricted",
            RdtError::InvalidTargetApplication => "invalid_target_application",
        }
    }

    /// What is wrong and what to do, in Japanese and English.
    pub fn message(&self) -> Text {
        match self {
            RdtError::Empty => Text::new(
                "確認したいデータが選ばれていません。業務で使うデータ（注文の購入者情報、配送先住所など）を1つ以上選んでください。",
                "Nothing was chosen. Choose at least one kind of data your work needs (buyer information, shipping address …).",
            ),
            RdtError::TooManyResources { .. } => Text::new(
                "1回の確認で指定できる対象は50件までです。選ぶデータや注文番号を減らすか、何回かに分けて確認してください。",
                "One check can cover at most 50 resources. Choose fewer kinds of data or order numbers, or split the check into several.",
            ),
            RdtError::DataElementsNotAllowed { .. } => Text::new(
                "購入者情報・配送先住所・税情報の指定（dataElements）は、注文の取得（getOrders / getOrder）と注文商品の取得（getOrderItems）にしか付けられません。この操作からは指定を外してください。",
                "Buyer information, shipping address and tax information (dataElements) can only be asked for with getOrders, getOrder and getOrderItems. Remove them from this operation.",
            ),
            RdtError::DataElementsRequired { .. } => Text::new(
                "注文や注文商品の個人情報を取得するには、必要なデータ（購入者情報・配送先住所・税情報）を1つ以上選んでください。",
                "To get personal data of orders or order items, choose at least one kind of data (buyer information, shipping address, tax information).",
            ),
            RdtError::DataElementNotSupported { .. } => Text::new(
                "注文商品（getOrderItems）から取得できる個人情報は購入者情報（buyerInfo）だけです。配送先住所や税情報は「注文」の項目で選んでください。",
                "Order items (getOrderItems) only give buyer information (buyerInfo). Choose shipping address or tax information under orders instead.",
            ),
            RdtError::GenericPathNotAllowed => Text::new(
                "制限付きレポートは、レポートごとの文書ID（reportDocumentId）を指定したときだけ取得できます。レポートの作成後に返される文書IDを入力してください。",
                "A restricted report can only be fetched with its own document ID (reportDocumentId). Enter the document ID returned when the report was created.",
            ),
            RdtError::ReportDocumentIdMissing => Text::new(
                "レポートの文書ID（reportDocumentId）が入力されていません。レポートの作成後に返される文書ID（amzn1.spdoc.… など）を貼り付けてください。",
                "No report document ID (reportDocumentId) was entered. Paste the document ID returned when the report was created (amzn1.spdoc.… or similar).",
            ),
            RdtError::InvalidReportDocumentId => Text::new(
                "レポートの文書IDに使えない文字（空白・記号・日本語など）が含まれています。文書IDだけをそのままコピーしてください。",
                "The report document ID contains characters an ID never has (spaces, symbols, Japanese …). Copy only the document ID, exactly as given.",
            ),
            RdtError::PlaceholderId => Text::new(
                "番号が「<id>」「xxxx」のような見本のままです。実際の注文番号・出荷ID・文書IDに置き換えるか、空欄にしてすべての対象を選んでください（レポートの文書IDは省略できません）。",
                "The identifier is still a placeholder such as <id> or xxxx. Replace it with a real order number, shipment ID or document ID, or leave it empty to cover all of them (report documents always need their ID).",
            ),
            RdtError::InvalidOrderId => Text::new(
                "注文番号は「123-1234567-1234567」のように3桁-7桁-7桁の数字です。セラーセントラルの注文管理から注文番号をそのままコピーしてください。",
                "An order number is 3-7-7 digits, like 123-1234567-1234567. Copy it exactly as Seller Central's order page shows it.",
            ),
            RdtError::InvalidPathId => Text::new(
                "出荷IDや発注番号に使えない文字（空白・記号・日本語など）が含まれています。番号だけをそのままコピーしてください。",
                "The shipment ID or purchase order number contains characters an ID never has (spaces, symbols, Japanese …). Copy only the number, exactly as given.",
            ),
            RdtError::NoPathParameter { .. } => Text::new(
                "この操作は番号を指定せずに使います。番号の入力欄を空にしてください。",
                "This operation takes no identifier. Leave the identifier field empty.",
            ),
            RdtError::ReportTypeNotRestricted => Text::new(
                "このレポートの種類は個人情報を含まないため、制限付きデータトークンは要りません。通常のアクセストークンで取得できます。",
                "This report type holds no personal data, so no restricted data token is needed: the ordinary access token fetches it.",
            ),
            RdtError::InvalidTargetApplication => Text::new(
                "委任先アプリのID が正しくありません。委任先の開発者から受け取ったアプリID（amzn1.sellerapps.app.… など）をそのまま貼り付けるか、委任しない場合は空欄にしてください。",
                "The delegatee application ID is not valid. Paste the application ID you received from the delegatee's developer (amzn1.sellerapps.app.… or similar), or leave it empty if you do not delegate.",
            ),
        }
    }
}

/// Something to check about a request that was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RdtWarning {
    /// The estimated token size passed the warning threshold (80 % of 7 KB).
    TokenSizeNearLimit,
    /// The estimated token size passed 7 KB: the token may fail when used.
    TokenSizeOverLimit,
    /// Seller and vendor resources in one request (seed 003: do not mix account types).
    MixesSellerAndVendor,
}

impl RdtWarning {
    /// Every warning.
    pub const ALL: [RdtWarning; 3] = [
        RdtWarning::TokenSizeNearLimit,
        RdtWarning::TokenSizeOverLimit,
        RdtWarning::MixesSellerAndVendor,
    ];

    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            RdtWarning::TokenSizeNearLimit => "token_size_near_limit",
            RdtWarning::TokenSizeOverLimit => "token_size_over_limit",
            RdtWarning::MixesSellerAndVendor => "mixes_seller_and_vendor",
        }
    }

    /// What it means and what to do, in Japanese and English.
    pub fn message(self) -> Text {
        match self {
            RdtWarning::TokenSizeNearLimit => Text::new(
                "対象が多いため、トークンの大きさが上限（7KB）に近づいています（鍵番の見積もり）。使うときに失敗することがあるので、対象を減らすか何回かに分けてください。",
                "With this many resources the token nears its 7 KB limit (Kagiban's estimate). It may fail when used: choose fewer resources or split them into several requests.",
            ),
            RdtWarning::TokenSizeOverLimit => Text::new(
                "対象が多すぎて、トークンの大きさが上限（7KB）を超える見込みです（鍵番の見積もり）。対象を減らすか、何回かに分けてください。",
                "With this many resources the token is likely to exceed its 7 KB limit (Kagiban's estimate). Choose fewer resources or split them into several requests.",
            ),
            RdtWarning::MixesSellerAndVendor => Text::new(
                "出品者向けとベンダー（直送）向けの操作が混ざっています。Amazon はアカウントの種類に合う操作だけを指定するよう求めています。お使いのアカウントに合う方だけを選んでください。",
                "Seller and vendor (direct fulfillment) operations are mixed. Amazon asks to request only operations valid for the account type: keep only those that match your account.",
            ),
        }
    }
}
