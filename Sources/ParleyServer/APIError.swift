import Foundation
import Hummingbird
import Parley
import ParleyStore

/// A request the API refuses, answered as `{"error": {"code": …, "message": …}}` with a 4xx or 5xx status.
public struct APIError: Error, CustomStringConvertible, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable, machine-readable name: `invalidArgument`, `notFound`, `payloadTooLarge`, …
    public var code: String
    /// What went wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// The error for any error a handler throws: the store's and the pipeline's keep their code.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as StoreError:
            switch error.code {
            case .notFound: return APIError(.notFound, error.code.name, error.message)
            case .invalidArgument: return APIError(.badRequest, error.code.name, error.message)
            case .conflict: return APIError(.conflict, error.code.name, error.message)
            case .unavailable: return APIError(.serviceUnavailable, error.code.name, error.message)
            default: return APIError(.internalServerError, error.code.name, error.message)
            }
        case let error as PipelineError:
            let status: HTTPResponse.Status =
                error.code == .invalidInput || error.code == .invalidDate ? .unprocessableContent : .internalServerError
            return APIError(status, error.code.name, error.description)
        case let error as HTTPError:
            let code =
                switch error.status {
                case .notFound: "notFound"
                case .methodNotAllowed: "methodNotAllowed"
                case .contentTooLarge: "payloadTooLarge"
                default: error.status.code < 500 ? "badRequest" : "internal"
                }
            return APIError(error.status, code, error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return APIError(.contentTooLarge, "payloadTooLarge", "the request body is over the size limit")
        case let error as any HTTPResponseError:
            return APIError(error.status, "badRequest", error.status.reasonPhrase)
        default:
            return APIError(.internalServerError, "internal", "the server failed: \(error)")
        }
    }

    /// The JSON response.
    func response() -> Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
            }
            var error: Detail
        }
        return JSONBody.response(Body(error: .init(code: code, message: message)), status: status)
    }
}

/// Turns every error thrown below it, the router's own 404 and 405 included, into a JSON error body.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error("\(request.method) \(request.uri.path): \(apiError)")
            }
            return apiError.response()
        }
    }
}

/// JSON responses.
enum JSONBody {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A JSON response of an encodable value.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder().encode(value)) ?? Data(#"{"error":{"code":"internal","message":"encoding"}}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
