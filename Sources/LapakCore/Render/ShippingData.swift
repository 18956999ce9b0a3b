import Templates

/// Shipping and returns as Google's merchant listings read them from an offer: `shippingDetails`
/// (an `OfferShippingDetails` with its rate, destination and delivery time) when site.yml or the
/// product gives a rate, and `hasMerchantReturnPolicy` when they give a returns policy.
enum ShippingData {
    static func offerFields(product: Product, site: Site) -> [(String, Value)] {
        var fields: [(String, Value)] = []
        let currency = site.config.currency
        if let shipping = site.shipping(for: product), let price = shipping.price {
            var details: [(String, Value)] = [
                ("@type", "OfferShippingDetails"),
                ("shippingRate", .dictionary(OrderedMapping([
                    ("@type", "MonetaryAmount"), ("value", .int(price)), ("currency", .string(currency)),
                ]))),
                ("shippingDestination", .dictionary(OrderedMapping([
                    ("@type", "DefinedRegion"), ("addressCountry", .string(Catalog.Item.country)),
                ]))),
            ]
            // Only what is known: the days a made-to-order product takes, the days on the way.
            var delivery: [(String, Value)] = [("@type", "ShippingDeliveryTime")]
            if let handling = product.madeToOrderDays { delivery.append(("handlingTime", days(handling...handling))) }
            if let transit = shipping.days { delivery.append(("transitTime", days(transit))) }
            if delivery.count > 1 { details.append(("deliveryTime", .dictionary(OrderedMapping(delivery)))) }
            if let origin = shipping.origin {
                details.append(("shippingOrigin", .dictionary(OrderedMapping([
                    ("@type", "DefinedRegion"), ("addressCountry", .string(Catalog.Item.country)), ("addressRegion", .string(origin)),
                ]))))
            }
            fields.append(("shippingDetails", .dictionary(OrderedMapping(details))))
        }
        if let returns = site.returnsDays(for: product) {
            var policy: [(String, Value)] = [
                ("@type", "MerchantReturnPolicy"), ("applicableCountry", .string(Catalog.Item.country)),
            ]
            if returns == 0 {
                policy.append(("returnPolicyCategory", "https://schema.org/MerchantReturnNotPermitted"))
            } else {
                policy += [
                    ("returnPolicyCategory", "https://schema.org/MerchantReturnFiniteReturnWindow"),
                    ("merchantReturnDays", .int(returns)),
                    ("returnMethod", "https://schema.org/ReturnByMail"),
                    ("returnFees", "https://schema.org/ReturnFeesCustomerResponsibility"),
                ]
            }
            fields.append(("hasMerchantReturnPolicy", .dictionary(OrderedMapping(policy))))
        }
        return fields
    }

    private static func days(_ range: ClosedRange<Int>) -> Value {
        .dictionary(OrderedMapping([
            ("@type", "QuantitativeValue"), ("minValue", .int(range.lowerBound)), ("maxValue", .int(range.upperBound)),
            ("unitCode", "DAY"),
        ]))
    }
}
